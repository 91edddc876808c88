package dev.heapdelta.samples.large;

/** A node of a complete binary tree. */
record TreeNode(int key, TreeNode left, TreeNode right) {
}
