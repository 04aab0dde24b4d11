using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Util;
using ValueChain.Cryptography;
using ValueChain.Ledger.Ethereum;

namespace ValueChain.Benchmarks;

/// <summary>
/// The operations that both ValueChain and Nethereum 6.1 offer, one pair per category, on the same
/// inputs: Keccak-256 of a word, signing an EIP-1559 transaction, recovering a signer, ABI-encoding a
/// call with dynamic and fixed arrays, and the EIP-712 digest of typed data given as JSON. The setup
/// checks that both sides give the same answer, so that no pair times different work.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class NethereumMicroBenchmarks
{
    private const string KeyHex = "0x8f3b6e4c681fcb53e5c5aad30b063b655a04494443f775851b31d3425cfa6abd";

    // The example of EIP-712 itself, as eth_signTypedData_v4 receives it.
    private const string TypedDataJson = """
        {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
        "Person":[{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
        "Mail":[{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]},
        "primaryType":"Mail",
        "domain":{"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
        "message":{"from":{"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},"to":{"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},"contents":"Hello, Bob!"}}
        """;

    private readonly byte[] _word = new byte[32];
    private readonly Transaction1559Signer _theirSigner = new();
    private readonly FunctionCallEncoder _theirEncoder = new();
    private PrivateKey _key = null!;
    private EthECKey _theirKey = null!;
    private EthereumTransaction _transaction = null!;
    private Transaction1559 _theirTransaction = null!;
    private Hash32 _digest;
    private byte[] _digestBytes = null!;
    private RecoverableSignature _signature;
    private EthECDSASignature _theirSignature = null!;
    private AbiFunction _echo = null!;
    private object[] _echoArguments = null!;
    private Parameter[] _theirParameters = null!;
    private object[] _theirArguments = null!;
    private string _theirSelector = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_word);
        _key = PrivateKey.Parse(KeyHex);
        _theirKey = new EthECKey(KeyHex);
        byte[] data = Keccak256.Hash("calldata"u8).ToArray();
        var to = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        _transaction = new EthereumTransaction
        {
            ChainId = 31337, Nonce = 7, MaxPriorityFeePerGas = 1_000_000_000, MaxFeePerGas = 3_000_000_000, GasLimit = 90_000, To = to, Value = 12345, Data = data,
        };
        _theirTransaction = new Transaction1559(31337, 7, 1_000_000_000, 3_000_000_000, 90_000, to.ToString(), 12345, Hex.Encode(data), []);

        _digest = Keccak256.Hash("benchmark"u8);
        _digestBytes = _digest.ToArray();
        _signature = Secp256k1.Sign(_key, _digest);
        _theirSignature = _theirKey.SignAndCalculateV(_digestBytes);

        string[] types = ["string", "bytes", "int128", "bool", "bytes4", "uint8[]", "address[2]"];
        _echo = new AbiFunction("echo", [.. types.Select(AbiType.Parse)], []);
        Address[] pair = [to, _key.Address];
        _echoArguments = ["a label of some length, past one word", new byte[40], new BigInteger(-5), true, new byte[] { 1, 2, 3, 4 }, new List<object> { 1, 2, 3 }, pair];
        _theirParameters = [.. types.Select((type, i) => new Parameter(type, i + 1))];
        _theirArguments = ["a label of some length, past one word", new byte[40], new BigInteger(-5), true, new byte[] { 1, 2, 3, 4 }, new List<BigInteger> { 1, 2, 3 }, pair.Select(a => a.ToString()).ToList()];
        _theirSelector = Hex.Encode(_echo.Selector, prefix: false);

        Same("keccak", Hex.Encode(Keccak_ValueChain().ToArray()), Hex.Encode(Keccak_Nethereum()));
        Same("signed transaction", Hex.Encode(SignTransaction_ValueChain()), Prefixed(SignTransaction_Nethereum()));
        Same("recovered signer", RecoverSigner_ValueChain().ToString(), RecoverSigner_Nethereum());
        Same("call data", Hex.Encode(EncodeCall_ValueChain()), Prefixed(EncodeCall_Nethereum()));
        Same("EIP-712 digest", Hex.Encode(Eip712Digest_ValueChain().ToArray()), Hex.Encode(Eip712Digest_Nethereum()));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("keccak-256 of 32 bytes")]
    public Hash32 Keccak_ValueChain() => Keccak256.Hash(_word);

    [Benchmark, BenchmarkCategory("keccak-256 of 32 bytes")]
    public byte[] Keccak_Nethereum() => Sha3Keccack.Current.CalculateHash(_word);

    [Benchmark(Baseline = true), BenchmarkCategory("sign an EIP-1559 transaction")]
    public byte[] SignTransaction_ValueChain() => _transaction.Sign(_key);

    [Benchmark, BenchmarkCategory("sign an EIP-1559 transaction")]
    public string SignTransaction_Nethereum() => _theirSigner.SignTransaction(_theirKey, _theirTransaction);

    [Benchmark(Baseline = true), BenchmarkCategory("recover a signer")]
    public Address RecoverSigner_ValueChain() => Secp256k1.RecoverAddress(_digest, _signature, RecoveryMode.Strict);

    [Benchmark, BenchmarkCategory("recover a signer")]
    public string RecoverSigner_Nethereum() => EthECKey.RecoverFromSignature(_theirSignature, _digestBytes).GetPublicAddress();

    [Benchmark(Baseline = true), BenchmarkCategory("ABI-encode echo(string,bytes,int128,bool,bytes4,uint8[],address[2])")]
    public byte[] EncodeCall_ValueChain() => _echo.EncodeCall(_echoArguments);

    [Benchmark, BenchmarkCategory("ABI-encode echo(string,bytes,int128,bool,bytes4,uint8[],address[2])")]
    public string EncodeCall_Nethereum() => _theirEncoder.EncodeRequest(_theirSelector, _theirParameters, _theirArguments);

    [Benchmark(Baseline = true), BenchmarkCategory("EIP-712 digest of JSON typed data")]
    public Hash32 Eip712Digest_ValueChain() => Eip712TypedData.FromJson(TypedDataJson).Digest();

    [Benchmark, BenchmarkCategory("EIP-712 digest of JSON typed data")]
    public byte[] Eip712Digest_Nethereum() => Sha3Keccack.Current.CalculateHash(Eip712TypedDataSigner.Current.EncodeTypedData(TypedDataJson));

    private static string Prefixed(string hex) => hex.StartsWith("0x", StringComparison.Ordinal) ? hex : "0x" + hex;

    private static void Same(string what, string ours, string theirs)
    {
        if (!string.Equals(ours, theirs, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"the two sides disagree on the {what}: {ours} vs {theirs}");
        }
    }
}
