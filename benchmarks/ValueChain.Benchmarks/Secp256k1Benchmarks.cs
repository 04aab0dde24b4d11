using BenchmarkDotNet.Attributes;
using ValueChain.Cryptography;

namespace ValueChain.Benchmarks;

/// <summary>Ethereum-style signing (RFC 6979, low s, recovery id), verification with a known key, and recovery.</summary>
[MemoryDiagnoser]
public class Secp256k1Benchmarks
{
    private PrivateKey _key = null!;
    private Hash32 _digest;
    private RecoverableSignature _signature;

    [GlobalSetup]
    public void Setup()
    {
        _key = PrivateKey.Parse("0x8f3b6e4c681fcb53e5c5aad30b063b655a04494443f775851b31d3425cfa6abd");
        _ = _key.PublicKey;
        _digest = Keccak256.Hash("benchmark"u8);
        _signature = Secp256k1.Sign(_key, _digest);
    }

    [Benchmark]
    public RecoverableSignature Sign() => Secp256k1.Sign(_key, _digest);

    [Benchmark]
    public bool Verify() => Secp256k1.Verify(_key.PublicKey, _digest, _signature);

    /// <summary>Verification that accepts exactly what recovery accepts (v checked), with the key known.</summary>
    [Benchmark]
    public bool IsSignedBy() => Secp256k1.IsSignedBy(_key.PublicKey, _digest, _signature, RecoveryMode.Strict);

    [Benchmark]
    public Address Recover() => Secp256k1.RecoverAddress(_digest, _signature, RecoveryMode.Strict);
}
