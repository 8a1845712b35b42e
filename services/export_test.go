package services

// LikePatternForTest lets the external tests compare a search with the plain
// LIKE it stands for.
var LikePatternForTest = likePattern
