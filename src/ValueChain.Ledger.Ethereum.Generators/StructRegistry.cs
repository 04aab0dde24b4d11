using System;
using System.Collections.Generic;
using System.Linq;

namespace ValueChain.Ledger.Ethereum.Generators;

/// <summary>A Solidity struct, generated as a record nested in the contract class.</summary>
internal sealed class StructDef
{
    public StructDef(string name) => Name = name;

    public string Name { get; }

    public List<FieldDef> Fields { get; } = new();
}

/// <summary>A named, typed field of a struct, event, error or output record.</summary>
internal sealed class FieldDef
{
    public FieldDef(string abiName, string property, TypeRef type, bool indexed)
    {
        AbiName = abiName;
        Property = property;
        Type = type;
        Indexed = indexed;
    }

    public string AbiName { get; }

    public string Property { get; }

    public TypeRef Type { get; }

    public bool Indexed { get; }

    /// <summary>Builds the fields of <paramref name="parameters"/>, with property names that do not clash with <paramref name="reserved"/>.</summary>
    public static List<FieldDef> From(IReadOnlyList<AbiParameter> parameters, StructRegistry structs, string context, params string[] reserved)
    {
        var used = new HashSet<string>(reserved, StringComparer.Ordinal);
        var fields = new List<FieldDef>();
        for (int i = 0; i < parameters.Count; i++)
        {
            string property = Names.Pascal(parameters[i].Name, "Item" + (i + 1));
            while (!used.Add(property))
            {
                property += "Value";
            }

            fields.Add(new FieldDef(parameters[i].Name, property, TypeRef.From(parameters[i], structs, context + property), parameters[i].Indexed));
        }

        return fields;
    }
}

/// <summary>The structs met in one ABI file, named after solc's internalType (<c>struct Probe.Item</c> → <c>Item</c>).</summary>
internal sealed class StructRegistry
{
    private readonly Dictionary<string, StructDef> _byCanonical = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names;

    public StructRegistry(IEnumerable<string> reservedNames) => _names = new HashSet<string>(reservedNames, StringComparer.Ordinal);

    public List<StructDef> All { get; } = new();

    public StructDef Register(AbiParameter tuple, string context)
    {
        string name = StructName(tuple.InternalType) ?? context + "Tuple";
        var provisional = new StructDef(name);
        provisional.Fields.AddRange(FieldDef.From(tuple.Components, this, name, name));
        string key = name + "|" + string.Join(",", provisional.Fields.Select(f => f.Type.Canonical));
        if (_byCanonical.TryGetValue(key, out StructDef? known))
        {
            return known;
        }

        string unique = name;
        for (int n = 2; !_names.Add(unique); n++)
        {
            unique = name + n;
        }

        var def = unique == name ? provisional : new StructDef(unique);
        if (def != provisional)
        {
            def.Fields.AddRange(provisional.Fields);
        }

        _byCanonical[key] = def;
        All.Add(def);
        return def;
    }

    private static string? StructName(string? internalType)
    {
        if (internalType is null || !internalType.StartsWith("struct ", StringComparison.Ordinal))
        {
            return null;
        }

        string name = internalType.Substring("struct ".Length);
        int bracket = name.IndexOf('[');
        name = bracket >= 0 ? name.Substring(0, bracket) : name;
        int dot = name.LastIndexOf('.');
        name = dot >= 0 ? name.Substring(dot + 1) : name;
        return Names.IsIdentifier(name) ? name : null;
    }
}
