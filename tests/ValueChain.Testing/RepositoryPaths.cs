namespace ValueChain.Testing;

/// <summary>Finds the repository root and the shared test vectors, failing loudly when they are missing.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds ValueChain.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The shared vectors folder: $VALUECHAIN_VECTORS when set, else ../shared/vectors beside the repository.
    /// </summary>
    public static string Vectors
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("VALUECHAIN_VECTORS")
                ?? Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"The shared test vectors are missing: expected them at {path} (../shared/vectors beside the repository, or set VALUECHAIN_VECTORS).");
        }
    }

    /// <summary>The full path of a vectors file, for example "ethereum/keccak256.json".</summary>
    public static string Vector(string relativePath)
    {
        string path = Path.Combine(Vectors, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The vector file {path} is missing.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ValueChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ValueChain.sln above {AppContext.BaseDirectory}.");
    }
}
