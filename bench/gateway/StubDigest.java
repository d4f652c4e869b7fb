import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * digest-service for the gateway benchmark: GET /signals answers 50 signals built from the gateway's test fixture
 * (about 40 KB, a full day), POST /subscribers registers, readiness is UP. Counts /signals calls so the report can say
 * how many requests reached "digest". Run: java StubDigest.java PORT FIXTURE.
 */
public class StubDigest {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String fixture = Files.readString(Path.of(args[1]));
        String first = fixture.substring(fixture.indexOf("\"signals\": [") + 12, fixture.lastIndexOf("],\n  \"added"));
        StringBuilder signals = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            signals.append(i == 0 ? "" : ",").append(first.replace("\"NVDA\"", "\"NV" + i + "\"")
                    .replace("\"AAPL\"", "\"AP" + i + "\"").replace("\"TSLA\"", "\"TS" + i + "\""));
        }
        byte[] body = fixture.replace(first, signals.toString()).getBytes(StandardCharsets.UTF_8);
        AtomicLong calls = new AtomicLong();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] out;
            int status = 200;
            if (path.equals("/signals")) {
                calls.incrementAndGet();
                out = body;
            } else if (path.equals("/subscribers")) {
                status = 201;
                out = "{\"id\":1,\"email\":\"bench@example.com\",\"active\":true,\"watchlist\":[]}".getBytes();
            } else if (path.equals("/calls")) {
                out = Long.toString(calls.get()).getBytes();
            } else {
                out = "{\"status\":\"UP\",\"checks\":[]}".getBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        System.out.println("stub digest on " + port + ", /signals body " + body.length + " bytes");
    }
}
