package dev.heapdelta.samples.service;

/** A user's profile as loaded from the user service. */
record UserProfile(String userId, String displayName, String email, byte[] avatarThumbnail) {
    static final int AVATAR_BYTES = 256;

    static UserProfile load(String userId) {
        byte[] avatar = new byte[AVATAR_BYTES];
        for (int i = 0; i < avatar.length; i++) {
            avatar[i] = (byte) (i * 7 + userId.length());
        }
        return new UserProfile(userId, "User " + userId, userId + "@example.com", avatar);
    }
}
