// Package linebreak finds where a line of text may end and breaks paragraphs
// into lines of a given width.
//
// Break opportunities follow Unicode UAX #14 (through github.com/rivo/uniseg),
// tailored for Chinese as xeCJK and Typst do: no line starts with closing
// punctuation such as ，。、；：？！）》」』”’…% and no line ends with opening
// punctuation such as （《「『“‘ (UAX #14 keeps most of these rules; noStart
// adds the rest); a number, in half-width or full-width digits, stays with
// its units and measure words (28.6%, ２０２１年, 394亿元, 555.33亿笔,
// 2017-2021年, －３．５％); Latin words are never split.
package linebreak
