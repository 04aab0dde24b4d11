using System.Text.Json.Nodes;
using Xunit;

namespace ValueChain.Testing;

/// <summary>Reads the entries of a shared vector file for data-driven tests.</summary>
public static class VectorFile
{
    /// <summary>The entries of a JSON array file, each as an object.</summary>
    public static IReadOnlyList<JsonObject> Entries(string relativePath)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Vector(relativePath)))
            ?? throw new InvalidDataException($"{relativePath} is empty.");
        var entries = root.AsArray().Select(e => e!.AsObject()).ToList();
        return entries.Count > 0 ? entries : throw new InvalidDataException($"{relativePath} has no entries.");
    }

    /// <summary>The entry indices of a file, for xUnit's MemberData (one test case per entry).</summary>
    public static TheoryData<int> Indices(string relativePath)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Entries(relativePath).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
