package linebreak

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// units lists, separated by white space, the units and measure words that
// stay with the number before them. A number takes a run of them
// (555.33亿笔, 3万余元, 2个百分点); the longest that fits is taken first.
// The list covers the measure words of statistical and financial reports:
// magnitudes, money, ratios, time, counted things, weights and measures.
const units = `
	百 千 万 亿 兆 余 多
	元 角 分 块 万元 亿元 美元 港元 欧元 日元 英镑 人民币
	% ％ ‰ ‱ 倍 百分点 个百分点 bp BP bps pp
	年 年度 季 季度 月 月份 个月 旬 周 天 日 号 时 小时 分钟 秒 岁 周岁 周年 期 届
	个 人 人次 名 位 户 家 笔 张 只 股 手 台 件 套 辆 项 次 款 份 座 所
	条 种 类 批 架 艘 篇 页 例 起 宗 处 级 层 栋 间 轮
	吨 万吨 克 千克 公斤 斤 米 厘米 毫米 千米 公里 平米 平方米 平方公里 立方米 亩 公顷
	升 毫升 瓦 千瓦 兆瓦 吉瓦 千瓦时 度 ℃
`

// unitsByFirst holds the units by their first rune, the longest first.
var unitsByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, u := range strings.Fields(units) {
		r, _ := utf8.DecodeRuneInString(u)
		m[r] = append(m[r], u)
	}
	for _, us := range m {
		slices.SortStableFunc(us, func(a, b string) int { return len(b) - len(a) })
	}
	return m
}()

// unitLen returns the byte length of the longest unit that text begins
// with, or 0.
func unitLen(text string) int {
	r, _ := utf8.DecodeRuneInString(text)
	for _, u := range unitsByFirst[r] {
		if strings.HasPrefix(text, u) {
			return len(u)
		}
	}
	return 0
}
