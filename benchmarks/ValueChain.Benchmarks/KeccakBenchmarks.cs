using BenchmarkDotNet.Attributes;

namespace ValueChain.Benchmarks;

/// <summary>Keccak-256 of a 32-byte word (the common case: hashes of hashes) and of 1 KiB.</summary>
[MemoryDiagnoser]
public class KeccakBenchmarks
{
    private readonly byte[] _word = new byte[32];
    private readonly byte[] _kibibyte = new byte[1024];

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_word);
        new Random(2).NextBytes(_kibibyte);
    }

    [Benchmark]
    public Hash32 Keccak256_32_bytes() => Keccak256.Hash(_word);

    [Benchmark]
    public Hash32 Keccak256_1_KiB() => Keccak256.Hash(_kibibyte);
}
