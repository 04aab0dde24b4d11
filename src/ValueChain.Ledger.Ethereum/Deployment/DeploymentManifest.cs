using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValueChain.Ledger.Ethereum;

/// <summary>The contracts deployed on one chain, saved as JSON so that later runs reuse them.</summary>
/// <param name="ChainId">The chain they live on.</param>
/// <param name="Contracts">The contracts by name.</param>
public sealed record DeploymentManifest(ulong ChainId, IReadOnlyDictionary<string, DeployedContract> Contracts)
{
    /// <summary>Reads a manifest file; null when the file does not exist.</summary>
    /// <exception cref="ValueChainFormatException">The file is not a manifest.</exception>
    public static DeploymentManifest? Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), DeploymentJsonContext.Default.DeploymentManifest)
                ?? throw new ValueChainFormatException(nameof(path), path, "the manifest is empty");
        }
        catch (JsonException error)
        {
            throw new ValueChainFormatException(nameof(path), path, $"not a deployment manifest: {error.Message}");
        }
    }

    /// <summary>Writes the manifest to <paramref name="path"/> atomically (a temporary file renamed over it).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, DeploymentJsonContext.Default.DeploymentManifest));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>Source-generated JSON of deployment manifests.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DeploymentManifest))]
internal sealed partial class DeploymentJsonContext : JsonSerializerContext;
