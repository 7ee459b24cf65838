// Package catalog owns the service catalog on the terminal: a copy of central's catalog
// cached on disk (so citizens can browse and search while central is down), refreshed
// with the catalog's ETag, and a search index over Chinese names, full pinyin, pinyin
// initials (every reading of a heteronym), common abbreviations (社保, 医保, 个税…),
// English names, departments and item codes, built once per catalog version.
package catalog
