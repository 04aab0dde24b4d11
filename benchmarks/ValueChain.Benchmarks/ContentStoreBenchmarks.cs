using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Benchmarks;

/// <summary>
/// UnixFS import and verified export of a 256 MiB file into the in-memory embedded store, per
/// profile, beside plain SHA-256 of the same bytes (the baseline: both directions hash every byte
/// once, so SHA-256 throughput is the physical limit). Ratio shows each against it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ContentStoreBenchmarks
{
    private const int Size = 256 * 1024 * 1024;
    private byte[] _file = [];
    private EmbeddedContentStore? _imported;
    private ContentId _root;

    [Params("kuboDefaultV0", "kuboV1", "kuboV1RawLeaves", "unixfsV1_2025")]
    public string Profile { get; set; } = "kuboDefaultV0";

    private UnixFsProfile SelectedProfile => Profile switch
    {
        "kuboDefaultV0" => UnixFsProfile.KuboDefaultV0,
        "kuboV1" => UnixFsProfile.KuboV1,
        "kuboV1RawLeaves" => UnixFsProfile.KuboV1RawLeaves,
        _ => UnixFsProfile.UnixFsV1Of2025,
    };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _file = new byte[Size];
        new Random(256).NextBytes(_file);
        _imported = EmbeddedContentStore.InMemory(SelectedProfile);
        _root = await _imported.AddFileAsync(new MemoryStream(_file));
    }

    [GlobalCleanup]
    public void Cleanup() => _imported?.Dispose();

    [Benchmark(Baseline = true, Description = "SHA-256 of 256 MiB")]
    public byte[] Sha256() => SHA256.HashData(_file);

    [Benchmark(Description = "Import 256 MiB")]
    public async Task<ContentId> Import()
    {
        using EmbeddedContentStore store = EmbeddedContentStore.InMemory(SelectedProfile);
        return await store.AddFileAsync(new MemoryStream(_file));
    }

    [Benchmark(Description = "Export 256 MiB (verified)")]
    public async Task Export()
    {
        await using Stream stream = await _imported!.OpenFileAsync(_root);
        await stream.CopyToAsync(Stream.Null);
    }
}
