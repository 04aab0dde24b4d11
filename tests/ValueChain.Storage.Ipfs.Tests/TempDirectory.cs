namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>A fresh directory under the system's temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    internal string Path { get; } = Directory.CreateTempSubdirectory("valuechain-ipfs-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder fails no test.
        }
    }
}
