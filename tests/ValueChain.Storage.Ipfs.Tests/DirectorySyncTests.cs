using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.Storage.Ipfs.Tests;

public sealed class DirectorySyncTests
{
    [Fact]
    public void Flushing_an_existing_directory_succeeds_and_a_missing_one_is_an_IO_error_naming_it()
    {
        using var dir = new TempDirectory();
        string missing = Path.Combine(dir.Path, "missing");

        DirectorySync.Flush(dir.Path);

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            IOException error = Assert.Throws<IOException>(() => DirectorySync.Flush(missing));
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }
    }
}
