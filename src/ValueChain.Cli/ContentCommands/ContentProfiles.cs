using ValueChain.Storage.Ipfs.UnixFs;

namespace ValueChain.Cli.ContentCommands;

/// <summary>The import profiles by the names the <c>--profile</c> option takes.</summary>
internal static class ContentProfiles
{
    internal const string Default = "unixfs-v1-2025";

    internal static readonly IReadOnlyDictionary<string, UnixFsProfile> ByName = new Dictionary<string, UnixFsProfile>(StringComparer.OrdinalIgnoreCase)
    {
        ["unixfs-v1-2025"] = UnixFsProfile.UnixFsV1Of2025,
        ["kubo-v0"] = UnixFsProfile.KuboDefaultV0,
        ["kubo-v1"] = UnixFsProfile.KuboV1,
        ["kubo-v1-raw-leaves"] = UnixFsProfile.KuboV1RawLeaves,
    };

    internal static UnixFsProfile Get(string name) =>
        ByName.TryGetValue(name, out UnixFsProfile? profile)
            ? profile
            : throw new ConfigurationException($"Unknown profile '{name}': use one of {string.Join(", ", ByName.Keys)}.");
}
