using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Turns the logs of a receipt into the ports' <see cref="LedgerEvent"/>s: the name of the contract that
/// emitted the log (as the chaincode name), the event's name, and its fields as a JSON object (numbers as
/// decimal strings, addresses and hashes as hex), so that events read the same on every driver.
/// </summary>
public sealed class ContractEvents
{
    private readonly Dictionary<Hash32, AbiEvent> _events = [];
    private readonly Func<Address, string?> _contractName;

    /// <summary>Knows <paramref name="events"/>; <paramref name="contractName"/> names an emitting address, null for logs of unknown contracts (skipped).</summary>
    public ContractEvents(IEnumerable<AbiEvent> events, Func<Address, string?> contractName)
    {
        ArgumentNullException.ThrowIfNull(events);
        _contractName = contractName ?? throw new ArgumentNullException(nameof(contractName));
        foreach (AbiEvent abiEvent in events.Where(e => !e.Anonymous))
        {
            _events.TryAdd(abiEvent.Topic, abiEvent);
        }
    }

    /// <summary>The known events among <paramref name="receipt"/>'s logs, in order.</summary>
    public IReadOnlyList<LedgerEvent> Of(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return Of(receipt.Logs);
    }

    /// <summary>
    /// The known events among <paramref name="logs"/> (in chain order, as a receipt or a log query gives them);
    /// an event's index counts the known events of its transaction.
    /// </summary>
    public IReadOnlyList<LedgerEvent> Of(IEnumerable<EthereumLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var decoded = new List<LedgerEvent>();
        Hash32 transaction = default;
        int index = 0;
        foreach (EthereumLog log in logs)
        {
            if (log.Topics.Count == 0 || !_events.TryGetValue(log.Topics[0], out AbiEvent? abiEvent) || _contractName(log.Address) is not { } contract
                || !abiEvent.TryDecode(log, out object[]? values))
            {
                continue;
            }

            var payload = new JsonObject();
            for (int i = 0; i < values.Length; i++)
            {
                payload[abiEvent.Parameters[i].Name] = JsonValueOf(values[i]);
            }

            index = log.TransactionHash == transaction ? index + 1 : 0;
            transaction = log.TransactionHash;
            decoded.Add(new LedgerEvent(contract, abiEvent.Name, payload.ToJsonString(), (long)log.BlockNumber, new TxId(log.TransactionHash), index));
        }

        return decoded;
    }

    private static JsonNode? JsonValueOf(object value) => value switch
    {
        bool flag => JsonValue.Create(flag),
        string text => JsonValue.Create(text),
        byte[] bytes => JsonValue.Create(Hex.Encode(bytes)),
        UInt256 number => JsonValue.Create(number.ToString()),
        BigInteger number => JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        IConvertible number when value is not Enum => JsonValue.Create(Convert.ToString(number, CultureInfo.InvariantCulture)),
        object[] items => new JsonArray([.. items.Select(JsonValueOf)]),
        _ => JsonValue.Create(value.ToString()),
    };
}
