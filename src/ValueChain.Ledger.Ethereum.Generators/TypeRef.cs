using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ValueChain.Ledger.Ethereum.Generators;

/// <summary>
/// An ABI type as the generated code sees it: its canonical ABI text, its C# type, and expressions that
/// convert a C# value to what AbiEncoder takes and what AbiDecoder returns back to the C# value.
/// </summary>
internal sealed class TypeRef
{
    private const string Runtime = "global::ValueChain.Ledger.Ethereum.";
    private const string Linq = "global::System.Linq.Enumerable.";
    private const string Big = "global::System.Numerics.BigInteger";

    private TypeRef(string baseType, List<string> dimensions, StructDef? structDef)
    {
        BaseType = baseType;
        Dimensions = dimensions;
        Struct = structDef;
    }

    /// <summary>The element type without array dimensions: <c>uint256</c>, <c>tuple</c>….</summary>
    public string BaseType { get; }

    /// <summary>Array dimensions, innermost first: <c>uint8[3][]</c> has ["3", ""].</summary>
    public List<string> Dimensions { get; }

    public StructDef? Struct { get; }

    public bool IsArray => Dimensions.Count > 0;

    public TypeRef Element => new(BaseType, Dimensions.Take(Dimensions.Count - 1).ToList(), Struct);

    /// <summary>Whether an indexed event field of this type holds a hash of the value in its topic.</summary>
    public bool IsHashedWhenIndexed => IsArray || BaseType is "tuple" or "string" or "bytes";

    public static TypeRef From(AbiParameter parameter, StructRegistry structs, string context)
    {
        string type = parameter.Type;
        var dimensions = new List<string>();
        while (type.EndsWith("]", StringComparison.Ordinal))
        {
            int open = type.LastIndexOf('[');
            dimensions.Insert(0, type.Substring(open + 1, type.Length - open - 2));
            type = type.Substring(0, open);
        }

        type = type switch { "uint" => "uint256", "int" => "int256", "byte" => "bytes1", _ => type };
        StructDef? structDef = type == "tuple" ? structs.Register(parameter, context) : null;
        var result = new TypeRef(type, dimensions, structDef);
        _ = result.CSharp; // fails early on a type the generator does not know
        return result;
    }

    /// <summary>The canonical ABI type text, e.g. <c>(uint64,string)[]</c>.</summary>
    public string Canonical =>
        (Struct is null ? BaseType : "(" + string.Join(",", Struct.Fields.Select(f => f.Type.Canonical)) + ")")
        + string.Concat(Dimensions.Select(d => "[" + d + "]"));

    /// <summary>An expression creating the runtime AbiType.</summary>
    public string AbiTypeExpression => $"{Runtime}AbiType.Parse({Names.Literal(Canonical)})";

    public string CSharp => IsArray
        ? $"global::System.Collections.Generic.IReadOnlyList<{Element.CSharp}>"
        : Struct is not null ? Struct.Name
        : BaseType switch
        {
            "address" => "global::ValueChain.Address",
            "bool" => "bool",
            "string" => "string",
            "bytes" => "byte[]",
            "bytes32" => "global::ValueChain.Hash32",
            _ when BaseType.StartsWith("bytes", StringComparison.Ordinal) => "byte[]",
            _ when BaseType.StartsWith("uint", StringComparison.Ordinal) => Bits(4) switch
            {
                <= 8 => "byte",
                <= 16 => "ushort",
                <= 32 => "uint",
                <= 64 => "ulong",
                _ => "global::ValueChain.UInt256",
            },
            _ when BaseType.StartsWith("int", StringComparison.Ordinal) => Bits(3) switch
            {
                <= 8 => "sbyte",
                <= 16 => "short",
                <= 32 => "int",
                <= 64 => "long",
                _ => Big,
            },
            _ => throw new FormatException($"The ABI type '{BaseType}' is not supported (fixed-point and function types are not)."),
        };

    public bool IsReferenceType => IsArray || CSharp is "string" or "byte[]" || Struct is not null;

    /// <summary>An expression turning the C# value <paramref name="value"/> into what AbiEncoder takes.</summary>
    public string Encode(string value, int depth = 0)
    {
        if (IsArray)
        {
            string item = "e" + depth.ToString(CultureInfo.InvariantCulture);
            return $"{Linq}ToArray({Linq}Select({value}, ({Element.CSharp} {item}) => {Element.Encode(item, depth + 1)}))";
        }

        return Struct is not null ? $"(object){value}.ToAbi()"
            : BaseType == "bytes32" ? $"(object){value}.ToArray()"
            : $"(object){value}";
    }

    /// <summary>An expression turning <paramref name="value"/> (an object from AbiDecoder) into the C# value.</summary>
    public string Decode(string value, int depth = 0)
    {
        if (IsArray)
        {
            string item = "d" + depth.ToString(CultureInfo.InvariantCulture);
            return $"{Linq}ToArray({Linq}Select((object[]){value}, (object {item}) => {Element.Decode(item, depth + 1)}))";
        }

        if (Struct is not null)
        {
            return $"{Struct.Name}.FromAbi((object[]){value})";
        }

        string type = CSharp;
        return type switch
        {
            "global::ValueChain.Address" or "bool" or "string" or "byte[]" => $"({type}){value}",
            "global::ValueChain.Hash32" => $"new global::ValueChain.Hash32((byte[]){value})",
            "global::ValueChain.UInt256" => $"new global::ValueChain.UInt256(({Big}){value})",
            Big => $"({Big}){value}",
            _ => $"({type})({Big}){value}",
        };
    }

    private int Bits(int prefix) => BaseType.Length == prefix ? 256
        : int.TryParse(BaseType.Substring(prefix), NumberStyles.None, CultureInfo.InvariantCulture, out int bits) && bits is > 0 and <= 256 && bits % 8 == 0
            ? bits
            : throw new FormatException($"The ABI type '{BaseType}' has an invalid size.");
}
