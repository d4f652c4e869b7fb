// Run by Dockerfile.jvm while the image is built (jshell in the JDK stage, DJL_CACHE_DIR set): unpacks libtorch and
// the tokenizer library from their jars into DJL's cache, and with FINBERT=yes downloads FinBERT into the same cache,
// so that the running container unpacks and downloads nothing. Exits non-zero, failing the build, if anything fails.
int status = 0;
try {
    ai.djl.engine.Engine.getEngine("PyTorch");
    ai.djl.huggingface.tokenizers.jni.LibUtils.checkStatus();
    if ("yes".equals(System.getenv("FINBERT"))) {
        ai.djl.repository.zoo.Criteria.builder()
                .setTypes(ai.djl.ndarray.NDList.class, ai.djl.ndarray.NDList.class)
                .optModelUrls("djl://ai.djl.huggingface.pytorch/ProsusAI/finbert")
                .optEngine("PyTorch")
                .build()
                .downloadModel();
    }
} catch (Throwable t) {
    t.printStackTrace();
    status = 1;
}
/exit status
