using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// A contract event: its topic and the decoding of logs. Indexed value types are decoded from their
/// topics; indexed strings, bytes, arrays and tuples come back as the <see cref="Hash32"/> in the topic.
/// </summary>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;

    /// <summary>Describes the event <paramref name="name"/> with <paramref name="parameters"/>.</summary>
    public AbiEvent(string name, IReadOnlyList<AbiEventParameter> parameters, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        Anonymous = anonymous;
        Signature = AbiSignature.Canonical(name, parameters.Select(p => p.Type));
        Topic = AbiSignature.Hash(Signature);
        _dataTypes = [.. parameters.Where(p => !p.Indexed).Select(p => p.Type)];
        int indexed = parameters.Count(p => p.Indexed);
        if (indexed > (anonymous ? 4 : 3))
        {
            throw new ArgumentException($"Event {Signature} has {indexed} indexed fields; a log holds at most {(anonymous ? 4 : 3)}.", nameof(parameters));
        }

        TopicCount = indexed + (anonymous ? 0 : 1);
    }

    /// <summary>The event's name.</summary>
    public string Name { get; }

    /// <summary>The fields, in declaration order.</summary>
    public IReadOnlyList<AbiEventParameter> Parameters { get; }

    /// <summary>Whether the event is anonymous (no signature topic; found by address and shape only).</summary>
    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first topic of its logs (unless anonymous): the Keccak-256 of the signature.</summary>
    public Hash32 Topic { get; }

    /// <summary>How many topics its logs carry.</summary>
    public int TopicCount { get; }

    /// <summary>Whether <paramref name="log"/> has this event's topic and number of topics.</summary>
    public bool Matches(EthereumLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Topics.Count == TopicCount && (Anonymous || log.Topics[0] == Topic);
    }

    /// <summary>The field values of <paramref name="log"/>, in declaration order.</summary>
    /// <exception cref="ValueChainFormatException">The log is not an instance of this event.</exception>
    public object[] Decode(EthereumLog log)
    {
        if (!Matches(log))
        {
            throw new ValueChainFormatException(nameof(log), log.Topics.Count > 0 ? log.Topics[0].ToString() : "no topics", $"the log is not a {Signature} event");
        }

        object[] data = AbiDecoder.Decode(_dataTypes, log.Data);
        object[] values = new object[Parameters.Count];
        int topic = Anonymous ? 0 : 1;
        int field = 0;
        for (int i = 0; i < values.Length; i++)
        {
            AbiEventParameter parameter = Parameters[i];
            values[i] = !parameter.Indexed ? data[field++]
                : parameter.IsHashedTopic ? log.Topics[topic++]
                : AbiDecoder.Decode([parameter.Type], log.Topics[topic++].ToArray())[0];
        }

        return values;
    }

    /// <summary>Decodes <paramref name="log"/> when it is an instance of this event.</summary>
    public bool TryDecode(EthereumLog log, [NotNullWhen(true)] out object[]? values)
    {
        values = null;
        if (!Matches(log))
        {
            return false;
        }

        try
        {
            values = Decode(log);
            return true;
        }
        catch (ValueChainFormatException)
        {
            // Same topic count but a different shape: an anonymous event's or another contract's log.
            return false;
        }
    }

    /// <summary>
    /// The topic that filters an indexed field of type <paramref name="type"/> for <paramref name="value"/>:
    /// the encoded word for value types, the Keccak-256 for strings and bytes.
    /// </summary>
    public static Hash32 TopicOf(AbiType type, object value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        return type.Kind switch
        {
            AbiKind.Text => Keccak256.Hash(Encoding.UTF8.GetBytes((string)value)),
            AbiKind.Bytes => Keccak256.Hash((byte[])value),
            AbiKind.Tuple or AbiKind.FixedArray or AbiKind.DynamicArray => value is Hash32 hash ? hash
                : throw new ArgumentException($"Filtering by an indexed {type} needs the Hash32 of its encoding.", nameof(value)),
            _ => new Hash32(AbiEncoder.Encode([type], [value])),
        };
    }
}
