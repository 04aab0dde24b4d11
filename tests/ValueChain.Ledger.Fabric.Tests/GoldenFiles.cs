using ValueChain.Testing;

namespace ValueChain.Ledger.Fabric.Tests;

/// <summary>The committed fixtures (a fixed client certificate and key) and the golden wire encodings.</summary>
internal static class GoldenFiles
{
    public static string PathOf(string name) => Path.Combine(RepositoryPaths.Root, "tests", "ValueChain.Ledger.Fabric.Tests", "Golden", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static FabricIdentity ClientIdentity() => new("Org1MSP", Read("client.crt.pem"));

    public static EcdsaP256Signer ClientSigner() => EcdsaP256Signer.FromPem(Read("client.key.pem"));

    /// <summary>Compares <paramref name="hex"/> with the golden file byte for byte; VALUECHAIN_UPDATE_GOLDEN=1 rewrites it.</summary>
    public static void AssertMatches(string name, string hex)
    {
        string path = PathOf(name);
        if (Environment.GetEnvironmentVariable("VALUECHAIN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, hex + "\n");
        }

        Assert.True(File.Exists(path), $"The golden file {path} is missing; run the test once with VALUECHAIN_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), hex);
    }
}
