using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Multiformats;
using ValueChain.Storage.Ipfs.Store;
using ValueChain.Storage.Ipfs.UnixFs;
using ValueChain.Testing;

namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>
/// A child process imports a large file into a store on disk and is killed part-way, several times.
/// The store must open every time, hold only complete (verifying) blocks, and re-import to the same root.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Rounds = 5;
    private const long Size = 64L * 1024 * 1024;
    private static readonly UnixFsProfile Profile = new(0, false, 64 * 1024, 174);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Killing_an_import_leaves_a_store_that_opens_lists_only_complete_blocks_and_reimports_to_the_same_root()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var random = new Random(20261201);
        for (int round = 0; round < Rounds; round++)
        {
            await RunAndKillAsync(killAfterBytes: random.NextInt64(1, Size / 2), extraDelayMs: random.Next(0, 20));

            using EmbeddedContentStore reopened = EmbeddedContentStore.Open(_directory.Path, Profile);
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(_directory.Path, "tmp")));
            Assert.Empty(await reopened.ListPinsAsync(ct));
            long blocks = 0;
            await foreach (ContentId block in reopened.ListBlocksAsync(ct))
            {
                // GetBlockAsync verifies the hash: a torn block under its name would raise here.
                Assert.NotNull(await reopened.GetBlockAsync(block, ct));
                blocks++;
            }

            Assert.True(blocks > 0, $"round {round}: the child stored nothing before it was killed");
        }

        Cid expected = await UnixFsImporter.ImportAsync(Content(), Profile, (_, _, _) => ValueTask.CompletedTask, ct);
        using EmbeddedContentStore store = EmbeddedContentStore.Open(_directory.Path, Profile);
        ContentId root = await store.AddFileAsync(Content(), ct);
        Assert.Equal(expected.ToContentId(), root);
        await using Stream back = await store.OpenFileAsync(root, ct);
        Assert.Equal(await SHA256.HashDataAsync(Content(), ct), await SHA256.HashDataAsync(back, ct));
    }

    private static FormulaContent Content() => new(Size, 31, 7, 0, 251);

    private async Task RunAndKillAsync(long killAfterBytes, int extraDelayMs)
    {
        string configuration = typeof(CrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string host = Path.Combine(RepositoryPaths.Root, "tests", "ValueChain.Storage.Ipfs.CrashHost", "bin", configuration, "net10.0", "ValueChain.Storage.Ipfs.CrashHost.dll");
        Assert.True(File.Exists(host), $"The crash host is not built at {host}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[]
        {
            host, _directory.Path, Size.ToString(CultureInfo.InvariantCulture),
            Profile.ChunkSize.ToString(CultureInfo.InvariantCulture), Profile.MaxLinks.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            long read = 0;
            while (read < killAfterBytes && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("read ", StringComparison.Ordinal))
                {
                    read = long.Parse(line.AsSpan(5), CultureInfo.InvariantCulture);
                    await child.StandardInput.WriteLineAsync(read < killAfterBytes ? "next" : "free");
                }
            }

            if (read < killAfterBytes)
            {
                Assert.Fail($"The crash host stopped after {read} bytes: {await child.StandardError.ReadToEndAsync(timeout.Token)}");
            }

            // Let it run on a little, so that the kill lands at an arbitrary point of a block write.
            Thread.SpinWait(extraDelayMs * 10_000);
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(CancellationToken.None);
        }
    }
}
