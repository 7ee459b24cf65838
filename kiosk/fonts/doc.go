// Package fonts loads the CJK font that the screens and the printed certificates share.
// Neither Fyne nor gofpdf accepts a TrueType collection (.ttc): Fyne panics and gofpdf
// reports an undefined font. Load takes a .ttf as it is, or extracts the first font of a
// .ttc into a standalone TrueType file in memory.
package fonts
