package nl.mensenmakennederland.prizes;

/** What the upload check read from a video: its container, length and picture size, and the object's size. */
public record VideoFacts(String container, long durationMillis, int width, int height, long bytes) {}
