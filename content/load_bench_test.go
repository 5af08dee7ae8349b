package content

import "testing"

// BenchmarkLoadDefault loads the built-in report: nine slides of YAML,
// its CSV data and theme.
func BenchmarkLoadDefault(b *testing.B) {
	fsys := Default()
	for b.Loop() {
		if _, diags := Load(fsys, DeckFile, ""); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}
