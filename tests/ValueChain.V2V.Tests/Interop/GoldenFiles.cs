using ValueChain.Testing;

namespace ValueChain.V2V.Tests.Interop;

/// <summary>The golden ETSI JSON files, compared byte for byte; VALUECHAIN_UPDATE_GOLDEN=1 rewrites them for review.</summary>
internal static class GoldenFiles
{
    public static string PathOf(string name) => Path.Combine(RepositoryPaths.Root, "tests", "ValueChain.V2V.Tests", "Interop", "Golden", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static void AssertMatches(string name, string json)
    {
        string path = PathOf(name);
        if (Environment.GetEnvironmentVariable("VALUECHAIN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, json + "\n");
        }

        Assert.True(File.Exists(path), $"The golden file {path} is missing; run the test once with VALUECHAIN_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), json + "\n");
    }
}
