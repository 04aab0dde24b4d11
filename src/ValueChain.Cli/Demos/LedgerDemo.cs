using System.Collections.Frozen;
using System.Text.Json;
using System.Text;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using ValueChain.Ledger;

namespace ValueChain.Cli.Demos;

/// <summary>
/// The embedded ledger at work: members submit signed transactions, a stranger is refused, a broken
/// rule is recorded as failed, the chain verifies, a proof checks against one header, and a tampered
/// block is caught.
/// </summary>
internal sealed class LedgerDemo : IDemo
{
    public string Name => "ledger";

    public string Description => "The embedded ledger: signed blocks, refusals, failed transactions, proofs and tamper detection";

    public async Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken)
    {
        EthereumSigner oem = Signer("OEM"), supplier = Signer("Supplier"), stranger = Signer("Stranger");
        var options = new InMemoryLedgerOptions { NetworkId = "demo-consortium", MaxBlockTransactions = 4, Clock = new ManualLedgerClock(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)) };
        options.Admins.Add(oem.Address);
        options.Members.Add(supplier.Address);
        await using InMemoryLedger ledger = InMemoryLedger.Open(options, [new StockChaincode()]);

        var steps = new Table().Title("Transactions").AddColumns("Who", "What", "Outcome");
        async Task Submit(string who, ISigner signer, string function, object arguments)
        {
            try
            {
                TransactionReceipt receipt = await ledger.SubmitAsync(signer, new ContractInvocation("stock", function, JsonSerializer.Serialize(arguments)), cancellationToken);
                steps.AddRow(who, Markup.Escape($"{function} {JsonSerializer.Serialize(arguments)}"), receipt.Succeeded
                    ? $"[green]block {receipt.BlockNumber}[/]"
                    : $"[yellow]recorded as failed in block {receipt.BlockNumber}: {Markup.Escape(receipt.ErrorCode ?? "")}[/]");
            }
            catch (TransactionRejectedException e)
            {
                steps.AddRow(who, Markup.Escape(function), $"[red]refused ({e.Code}), nothing recorded[/]");
            }
        }

        await Submit("OEM", oem, "receive", new { item = "brake-caliper", quantity = 40 });
        await Submit("Supplier", supplier, "receive", new { item = "brake-caliper", quantity = 10 });
        await Submit("OEM", oem, "ship", new { item = "brake-caliper", quantity = 80 });
        await Submit("Stranger", stranger, "receive", new { item = "brake-caliper", quantity = 1 });
        await Submit("Supplier", supplier, "ship", new { item = "brake-caliper", quantity = 15 });
        console.Write(steps);

        TxId last = (await ledger.GetEventsAsync("stock", 0, long.MaxValue, cancellationToken))[^1].TransactionId;
        InclusionProof proof = ledger.GetProof(last, ProofKind.Transaction)!;
        EmbeddedBlockHeader header = ledger.GetBlock(proof.BlockNumber)!.Header;
        LedgerVerification verification = await ledger.VerifyAsync(cancellationToken);

        // A copy of the chain with one header field changed, as an attacker with disk access would do.
        List<LedgerBlock> copy = Enumerable.Range(0, (int)ledger.Height).Select(n => ledger.GetBlock(n)!).ToList();
        copy[1] = copy[1] with { Header = copy[1].Header with { Timestamp = copy[1].Header.Timestamp.AddMinutes(-5) } };
        LedgerVerification tampered = await LedgerArchive.FromBlocks(copy).VerifyAsync(cancellationToken);

        var checks = new Table().Title("Checks").AddColumns("Check", "Result");
        checks.AddRow("Stock of brake-caliper", Encoding.UTF8.GetString(ledger.GetState("stock", "brake-caliper")!));
        checks.AddRow("Blocks", $"{ledger.Height} (genesis + {ledger.Height - 1}), head {header.Hash.ToString()[..18]}…");
        checks.AddRow("Whole chain verified", verification.IsValid ? "[green]valid[/]" : $"[red]{Markup.Escape(verification.Problem ?? "")}[/]");
        checks.AddRow($"Proof of the last transaction ({proof.Path.Count} hashes)", proof.Verify(header) && header.HasValidSignature() ? "[green]verifies against its signed header alone[/]" : "[red]fails[/]");
        checks.AddRow("Block 1's time changed on the side", tampered.IsValid ? "[red]not detected[/]" : $"[green]detected at block {tampered.FirstInvalidBlock}: {Markup.Escape(tampered.Problem ?? "")}[/]");
        console.Write(checks);
    }

    private static EthereumSigner Signer(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("demo " + name)).ToArray()));

    /// <summary>A tiny stock-keeping chaincode: receive and ship, never below zero.</summary>
    private sealed class StockChaincode : IChaincode
    {
        public string Name => "stock";

        public IReadOnlySet<string> Functions { get; } = new[] { "receive", "ship" }.ToFrozenSet();

        public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
        {
            using JsonDocument args = JsonDocument.Parse(argumentsJson);
            string item = args.RootElement.GetProperty("item").GetString()!;
            long quantity = args.RootElement.GetProperty("quantity").GetInt64();
            ReadOnlyMemory<byte>? current = await context.GetStateAsync(item, cancellationToken);
            long stock = current is null ? 0 : long.Parse(Encoding.UTF8.GetString(current.Value.Span), System.Globalization.CultureInfo.InvariantCulture);
            long next = functionName == "receive" ? stock + quantity : stock - quantity;
            if (next < 0)
            {
                throw new ChaincodeException("insufficient_stock", $"only {stock} of {item} in stock, cannot ship {quantity}");
            }

            await context.PutStateAsync(item, Encoding.UTF8.GetBytes(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
            context.EmitEvent(functionName == "receive" ? "Received" : "Shipped", JsonSerializer.Serialize(new { item, quantity, by = context.Caller.ToString() }));
            return null;
        }
    }
}
