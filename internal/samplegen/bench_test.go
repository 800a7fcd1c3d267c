package samplegen

import "testing"

// BenchmarkGenerateDemo times the demo profile. The large profile is timed
// with the command in samples/README.md (it writes about 270 MB).
func BenchmarkGenerateDemo(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if err := Generate(dir, Demo()); err != nil {
			b.Fatal(err)
		}
	}
}
