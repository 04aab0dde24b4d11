using System;
using System.Collections.Generic;
using System.Linq;

namespace ValueChain.Ledger.Ethereum.Generators;

/// <summary>A parameter (input, output, event or error field, struct component) of an ABI entry.</summary>
internal sealed class AbiParameter
{
    public string Name { get; set; } = "";

    /// <summary>The ABI type as written in the file, e.g. <c>uint256</c>, <c>tuple[]</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>solc's <c>internalType</c>, e.g. <c>struct Probe.Item[]</c>; names the generated struct record.</summary>
    public string? InternalType { get; set; }

    public List<AbiParameter> Components { get; } = new();

    public bool Indexed { get; set; }
}

/// <summary>One entry of an ABI file: a function, event, error or constructor.</summary>
internal sealed class AbiEntry
{
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public List<AbiParameter> Inputs { get; } = new();

    public List<AbiParameter> Outputs { get; } = new();

    public string StateMutability { get; set; } = "nonpayable";

    public bool Anonymous { get; set; }

    public bool IsReadOnly => StateMutability is "view" or "pure";

    public bool IsPayable => StateMutability == "payable";

    /// <summary>Reads the entries of an ABI JSON array (or of an artefact object with an "abi" array).</summary>
    /// <exception cref="FormatException">The JSON is not an ABI.</exception>
    public static List<AbiEntry> ParseFile(string json)
    {
        object? root = JsonReader.Parse(json);
        if (root is Dictionary<string, object?> artefact && artefact.TryGetValue("abi", out object? abi))
        {
            root = abi;
        }

        if (root is not List<object?> entries)
        {
            throw new FormatException("An ABI file holds a JSON array of entries (or an object with an \"abi\" array).");
        }

        return entries.Select(ParseEntry).ToList();
    }

    private static AbiEntry ParseEntry(object? json)
    {
        var entry = json as Dictionary<string, object?> ?? throw new FormatException("Each ABI entry is a JSON object.");
        var result = new AbiEntry
        {
            Kind = Text(entry, "type") ?? "function",
            Name = Text(entry, "name") ?? "",
            StateMutability = Text(entry, "stateMutability") ?? (entry.TryGetValue("constant", out object? constant) && constant is true ? "view" : "nonpayable"),
            Anonymous = entry.TryGetValue("anonymous", out object? anonymous) && anonymous is true,
        };
        result.Inputs.AddRange(Parameters(entry, "inputs"));
        result.Outputs.AddRange(Parameters(entry, "outputs"));
        if (result.Kind is "function" or "event" or "error" && result.Name.Length == 0)
        {
            throw new FormatException($"A {result.Kind} entry has no name.");
        }

        return result;
    }

    private static IEnumerable<AbiParameter> Parameters(Dictionary<string, object?> entry, string key) =>
        entry.TryGetValue(key, out object? list) && list is List<object?> items ? items.Select(ParseParameter) : Enumerable.Empty<AbiParameter>();

    private static AbiParameter ParseParameter(object? json)
    {
        var parameter = json as Dictionary<string, object?> ?? throw new FormatException("Each ABI parameter is a JSON object.");
        var result = new AbiParameter
        {
            Name = Text(parameter, "name") ?? "",
            Type = Text(parameter, "type") ?? throw new FormatException("An ABI parameter has no type."),
            InternalType = Text(parameter, "internalType"),
            Indexed = parameter.TryGetValue("indexed", out object? indexed) && indexed is true,
        };
        result.Components.AddRange(Parameters(parameter, "components"));
        return result;
    }

    private static string? Text(Dictionary<string, object?> json, string key) =>
        json.TryGetValue(key, out object? value) ? value as string : null;
}
