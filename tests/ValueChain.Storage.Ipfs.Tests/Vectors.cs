using System.Text.Json.Nodes;
using ValueChain.Testing;

namespace ValueChain.Storage.Ipfs.Tests;

/// <summary>The ipfs/ vector files: each is an object whose "vectors" array holds the entries.</summary>
internal static class Vectors
{
    internal const string Cids = "ipfs/unixfs-cids.json";
    internal const string Profiles = "ipfs/unixfs-profiles.json";

    internal static IReadOnlyList<JsonObject> Entries(string file)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Vector(file)))
            ?? throw new InvalidDataException($"{file} is empty.");
        var entries = root["vectors"]!.AsArray().Select(e => e!.AsObject()).ToList();
        return entries.Count > 0 ? entries : throw new InvalidDataException($"{file} has no entries.");
    }

    internal static TheoryData<int> Indices(string file)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Entries(file).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
