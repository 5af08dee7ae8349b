// Package linebreak finds where a line of text may end and breaks paragraphs
// into lines of a given width.
//
// Break opportunities follow Unicode UAX #14 (through github.com/rivo/uniseg),
// tailored for Chinese as xeCJK and Typst do: no line starts with closing
// punctuation such as ，。、；：？！）》」』”’…% and no line ends with opening
// punctuation such as （《「『“‘; a number stays with its unit (28.6%, 2021年,
// 394亿元, 2017-2021年); Latin words are never split.
package linebreak
