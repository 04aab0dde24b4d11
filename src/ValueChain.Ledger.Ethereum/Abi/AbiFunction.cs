namespace ValueChain.Ledger.Ethereum;

/// <summary>A contract function: its call data and the decoding of what it returns.</summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    /// <summary>Describes the function <paramref name="name"/>(<paramref name="inputs"/>) returning <paramref name="outputs"/>.</summary>
    public AbiFunction(string name, IReadOnlyList<AbiType> inputs, IReadOnlyList<AbiType> outputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        Outputs = outputs ?? throw new ArgumentNullException(nameof(outputs));
        Signature = AbiSignature.Canonical(name, inputs);
        _selector = AbiSignature.Selector(Signature);
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<AbiType> Inputs { get; }

    /// <summary>The return types.</summary>
    public IReadOnlyList<AbiType> Outputs { get; }

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The four bytes that start the call data.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>The call data: selector, then the encoded <paramref name="arguments"/>.</summary>
    public byte[] EncodeCall(IReadOnlyList<object> arguments)
    {
        byte[] body = AbiEncoder.Encode(Inputs, arguments);
        byte[] data = new byte[4 + body.Length];
        _selector.CopyTo(data, 0);
        body.CopyTo(data, 4);
        return data;
    }

    /// <summary>Decodes what the function returned, as <see cref="AbiDecoder.Decode"/> does.</summary>
    public object[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(Outputs, returnData);
}
