"""Write a synthetic catalog of N model records (default 10,000) as one user data file, for benchmarks."""
import sys


def write_catalog(path, n=10_000):
    with open(path, "w", encoding="utf-8") as f:
        f.write("schema: 1\nsources:\n")
        f.write('  - {id: bench-source, short: Bench 2024, title: Synthetic benchmark source, kind: website, '
                'date: "2024", url: "https://example.org/bench"}\n')
        f.write("organizations:\n")
        f.write("  - {id: bench-lab, name: Bench Lab, country: US, kind: lab, sources: [bench-source]}\n")
        f.write("models:\n")
        for i in range(n):
            year = 2015 + i % 10
            f.write(
                f"  - id: bench-model-{i}\n"
                f"    name: Benchmark Model {i}\n"
                f"    aliases: [BM{i}, bench{i}]\n"
                f"    kind: model\n"
                f"    organizations: [bench-lab]\n"
                f'    released: {{value: "{year}-{1 + i % 12:02d}", event: release, source: bench-source}}\n'
                f"    parameters: {{value: {1 + i % 500}B, source: bench-source}}\n"
                f"    architecture: {{value: decoder-only, source: bench-source}}\n"
                f"    description: Synthetic record number {i}, a decoder trained for the start-up benchmark.\n"
                f"    sources: [bench-source]\n"
            )


if __name__ == "__main__":
    write_catalog(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
