package dev.heapdelta.samples.service;

/** Follows the progress of one upload, keeping the last samples for a progress bar. */
final class UploadProgressListener implements EventBus.Listener {
    private static final int SAMPLES = 64;

    private final String uploadId;
    private final long[] recentSamples = new long[SAMPLES];
    private int sampleCount;

    UploadProgressListener(String uploadId) {
        this.uploadId = uploadId;
    }

    @Override
    public void onEvent(String topic, long value) {
        if (topic.equals("upload.progress")) {
            recentSamples[sampleCount++ % SAMPLES] = value;
        }
    }

    String uploadId() {
        return uploadId;
    }
}
