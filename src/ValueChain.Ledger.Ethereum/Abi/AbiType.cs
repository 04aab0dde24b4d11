using System.Globalization;

namespace ValueChain.Ledger.Ethereum;

/// <summary>The kinds of Solidity ABI types.</summary>
public enum AbiKind
{
    /// <summary><c>uintN</c>.</summary>
    UnsignedInteger,

    /// <summary><c>intN</c>.</summary>
    SignedInteger,

    /// <summary><c>address</c>.</summary>
    Address,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>bytesN</c> (1 to 32 bytes).</summary>
    FixedBytes,

    /// <summary><c>bytes</c>.</summary>
    Bytes,

    /// <summary><c>string</c>.</summary>
    Text,

    /// <summary>A tuple <c>(T1,T2,…)</c> (a Solidity struct).</summary>
    Tuple,

    /// <summary><c>T[k]</c>.</summary>
    FixedArray,

    /// <summary><c>T[]</c>.</summary>
    DynamicArray,
}

/// <summary>
/// A parsed Solidity ABI type such as <c>uint256</c>, <c>(bytes32,string)[]</c> or <c>uint8[3][]</c>.
/// <see cref="ToString"/> gives the canonical form used in function signatures.
/// </summary>
public sealed class AbiType
{
    private AbiType(AbiKind kind, int size, AbiType? element, IReadOnlyList<AbiType> components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Components = components;
        IsDynamic = kind switch
        {
            AbiKind.Bytes or AbiKind.Text or AbiKind.DynamicArray => true,
            AbiKind.FixedArray => element!.IsDynamic,
            AbiKind.Tuple => components.Any(c => c.IsDynamic),
            _ => false,
        };
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiKind.FixedArray => size * element!.HeadSize,
            AbiKind.Tuple => components.Sum(c => c.HeadSize),
            _ => 32,
        };
    }

    /// <summary>The kind of type.</summary>
    public AbiKind Kind { get; }

    /// <summary>Bits of an integer, bytes of <c>bytesN</c>, or the length of a fixed array; otherwise 0.</summary>
    public int Size { get; }

    /// <summary>The element type of an array; otherwise null.</summary>
    public AbiType? Element { get; }

    /// <summary>The component types of a tuple; otherwise empty.</summary>
    public IReadOnlyList<AbiType> Components { get; }

    /// <summary>Whether the encoding is placed in the tail behind an offset (its length is not fixed).</summary>
    public bool IsDynamic { get; }

    /// <summary>The bytes the type takes in the head of its enclosing sequence.</summary>
    public int HeadSize { get; }

    /// <summary>Parses a type as written in Solidity signatures and ABI JSON (<c>uint</c> means <c>uint256</c>).</summary>
    /// <exception cref="ValueChainFormatException">The text is not an ABI type.</exception>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseSpan(text.Trim(), text);
    }

    /// <summary>A tuple of the given component types.</summary>
    public static AbiType Tuple(IEnumerable<AbiType> components) =>
        new(AbiKind.Tuple, 0, null, [.. components]);

    /// <summary>The canonical text, e.g. <c>(uint256,bytes32)[]</c>.</summary>
    public override string ToString() => Kind switch
    {
        AbiKind.UnsignedInteger => $"uint{Size}",
        AbiKind.SignedInteger => $"int{Size}",
        AbiKind.Address => "address",
        AbiKind.Bool => "bool",
        AbiKind.FixedBytes => $"bytes{Size}",
        AbiKind.Bytes => "bytes",
        AbiKind.Text => "string",
        AbiKind.Tuple => $"({string.Join(',', Components)})",
        AbiKind.FixedArray => $"{Element}[{Size}]",
        _ => $"{Element}[]",
    };

    private static AbiType ParseSpan(string text, string whole)
    {
        if (text.EndsWith(']'))
        {
            int open = text.LastIndexOf('[');
            if (open <= 0)
            {
                throw Invalid(whole, "an array suffix has no element type");
            }

            AbiType element = ParseSpan(text[..open], whole);
            string length = text[(open + 1)..^1];
            if (length.Length == 0)
            {
                return new AbiType(AbiKind.DynamicArray, 0, element, []);
            }

            return int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0
                ? new AbiType(AbiKind.FixedArray, size, element, [])
                : throw Invalid(whole, $"'{length}' is not an array length");
        }

        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            return Tuple(SplitComponents(text[1..^1], whole).Select(c => ParseSpan(c, whole)));
        }

        return text switch
        {
            "address" => new AbiType(AbiKind.Address, 0, null, []),
            "bool" => new AbiType(AbiKind.Bool, 0, null, []),
            "bytes" => new AbiType(AbiKind.Bytes, 0, null, []),
            "string" => new AbiType(AbiKind.Text, 0, null, []),
            "uint" => new AbiType(AbiKind.UnsignedInteger, 256, null, []),
            "int" => new AbiType(AbiKind.SignedInteger, 256, null, []),
            _ when text.StartsWith("uint", StringComparison.Ordinal) => Sized(AbiKind.UnsignedInteger, text[4..], whole),
            _ when text.StartsWith("int", StringComparison.Ordinal) => Sized(AbiKind.SignedInteger, text[3..], whole),
            _ when text.StartsWith("bytes", StringComparison.Ordinal) => Sized(AbiKind.FixedBytes, text[5..], whole),
            _ => throw Invalid(whole, $"'{text}' is not a type"),
        };
    }

    private static AbiType Sized(AbiKind kind, string digits, string whole)
    {
        bool parsed = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int size)
            && digits[0] != '0';
        bool valid = kind == AbiKind.FixedBytes ? size is >= 1 and <= 32 : size is >= 8 and <= 256 && size % 8 == 0;
        return parsed && valid ? new AbiType(kind, size, null, []) : throw Invalid(whole, $"'{digits}' is not a valid size");
    }

    private static List<string> SplitComponents(string inner, string whole)
    {
        var parts = new List<string>();
        if (inner.Length == 0)
        {
            return parts;
        }

        int depth = 0, start = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            depth += inner[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                throw Invalid(whole, "unbalanced parentheses");
            }

            if (depth == 0 && inner[i] == ',')
            {
                parts.Add(inner[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(inner[start..].Trim());
        return depth == 0 ? parts : throw Invalid(whole, "unbalanced parentheses");
    }

    private static ValueChainFormatException Invalid(string text, string reason) => new("type", text, reason);
}
