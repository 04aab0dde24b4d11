using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Cli.LedgerCommands;

/// <summary><c>valuechain ledger</c>: inspect, verify and prove from a persisted embedded ledger, read-only.</summary>
internal static class LedgerCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The ledger's data directory (holds blocks.vcl).", Required = true };
        var from = new Option<long?>("--from") { Description = "The first block to list (default: the last 20)." };
        var limit = new Option<int>("--limit") { Description = "How many blocks to list.", DefaultValueFactory = _ => 20 };
        var id = new Argument<string>("transaction") { Description = "The transaction id (0x + 64 hex digits)." };
        var receipt = new Option<bool>("--receipt") { Description = "Prove the receipt instead of the transaction." };

        var head = new Command("head", "Shows the newest block header.") { data };
        head.SetAction(parse => TypedErrors.Run(console, () => ShowHead(console, LedgerArchive.Open(parse.GetValue(data)!.FullName))));

        var blocks = new Command("blocks", "Lists blocks with their transactions.") { data, from, limit };
        blocks.SetAction(parse => TypedErrors.Run(console, () => ListBlocks(console, LedgerArchive.Open(parse.GetValue(data)!.FullName), parse.GetValue(from), parse.GetValue(limit))));

        var transaction = new Command("tx", "Shows a transaction and its receipt.") { data, id };
        transaction.SetAction(parse => TypedErrors.Run(console, () => ShowTransaction(console, LedgerArchive.Open(parse.GetValue(data)!.FullName), TxId.Parse(parse.GetValue(id)!))));

        var verify = new Command("verify", "Recomputes every hash, root and signature and replays the state; names the first bad block.") { data };
        verify.SetAction((parse, cancellationToken) => TypedErrors.RunAsync(console, () => VerifyAsync(console, LedgerArchive.Open(parse.GetValue(data)!.FullName), cancellationToken)));

        var proof = new Command("proof", "Prints an inclusion proof and checks it against the block header.") { data, id, receipt };
        proof.SetAction(parse => TypedErrors.Run(console, () => PrintProof(console, LedgerArchive.Open(parse.GetValue(data)!.FullName), TxId.Parse(parse.GetValue(id)!), parse.GetValue(receipt))));

        return new Command("ledger", "Inspects a persisted embedded ledger (read-only).") { head, blocks, transaction, verify, proof };
    }

    private static int ShowHead(IAnsiConsole console, LedgerArchive archive)
    {
        EmbeddedBlockHeader h = archive.Head;
        var table = new Table().Title($"Head of '{Markup.Escape(archive.NetworkId)}'").AddColumns("Field", "Value");
        table.AddRow("Number", h.Number.ToString());
        table.AddRow("Hash", h.Hash.ToString());
        table.AddRow("Previous", h.PreviousHash.ToString());
        table.AddRow("Time", h.Timestamp.ToString("O"));
        table.AddRow("Transactions", h.TransactionCount.ToString());
        table.AddRow("Transactions root", h.TransactionsRoot.ToString());
        table.AddRow("Receipts root", h.ReceiptsRoot.ToString());
        table.AddRow("State hash", h.StateHash.ToString());
        table.AddRow("Producer", h.Producer.ToString());
        table.AddRow("Signature", h.HasValidSignature() ? "[green]valid[/]" : "[red]INVALID[/]");
        console.Write(table);
        return 0;
    }

    private static int ListBlocks(IAnsiConsole console, LedgerArchive archive, long? from, int limit)
    {
        long first = Math.Max(0, from ?? archive.Head.Number - limit + 1);
        var table = new Table().AddColumns("Block", "Time", "Txs", "Failed", "Hash");
        // By index: the archive reads each block from the file when asked, so only the listed ones are read.
        for (long n = first; n < Math.Min(first + limit, archive.Blocks.Count); n++)
        {
            LedgerBlock block = archive.Blocks[(int)n];
            int failed = block.Receipts.Count(r => r.Status == Ledger.TransactionStatus.Failed);
            table.AddRow(block.Number.ToString(), block.Header.Timestamp.ToString("u"), block.Transactions.Count.ToString(), failed.ToString(), block.Header.Hash.ToString()[..18] + "…");
        }

        console.Write(table);
        return 0;
    }

    private static int ShowTransaction(IAnsiConsole console, LedgerArchive archive, TxId id)
    {
        if (archive.GetTransaction(id) is not { } record)
        {
            console.MarkupLine($"[red]No transaction {id} in this ledger.[/]");
            return 1;
        }

        LedgerTransaction t = record.Transaction.Transaction;
        var table = new Table().Title($"Transaction {id.ToString()[..18]}…").AddColumns("Field", "Value");
        table.AddRow("Block", $"{record.Block.Number} (position {record.Index})");
        table.AddRow("Sender", t.Sender.ToString());
        table.AddRow("Nonce", t.Nonce.ToString());
        table.AddRow("Call", Markup.Escape($"{t.Invocation.Chaincode}.{t.Invocation.Function}({t.Invocation.ArgumentsJson})"));
        table.AddRow("Signature", record.Transaction.HasValidSignature() ? "[green]valid[/]" : "[red]INVALID[/]");
        table.AddRow("Status", record.Receipt.Status == Ledger.TransactionStatus.Succeeded ? "[green]succeeded[/]" : $"[red]failed[/]: {Markup.Escape($"{record.Receipt.ErrorCode}: {record.Receipt.ErrorMessage}")}");
        table.AddRow("Result", Markup.Escape(record.Receipt.ResultJson ?? "(none)"));
        foreach (EventRecord e in record.Receipt.Events)
        {
            table.AddRow("Event", Markup.Escape($"{e.Name} {e.PayloadJson}"));
        }

        table.AddRow("Writes", record.Receipt.Writes.Count.ToString());
        console.Write(table);
        return 0;
    }

    private static async Task<int> VerifyAsync(IAnsiConsole console, LedgerArchive archive, CancellationToken cancellationToken)
    {
        LedgerVerification result = await archive.VerifyAsync(cancellationToken);
        if (result.IsValid)
        {
            console.MarkupLine($"[green]Valid:[/] {result.BlocksChecked} blocks, head {archive.Head.Number} {archive.Head.Hash}.");
            return 0;
        }

        console.MarkupLine($"[red]Invalid at block {result.FirstInvalidBlock}:[/] {Markup.Escape(result.Problem ?? "")}");
        return 1;
    }

    private static int PrintProof(IAnsiConsole console, LedgerArchive archive, TxId id, bool receipt)
    {
        if (archive.GetProof(id, receipt ? ProofKind.Receipt : ProofKind.Transaction) is not { } proof)
        {
            console.MarkupLine($"[red]No transaction {id} in this ledger.[/]");
            return 1;
        }

        EmbeddedBlockHeader header = archive.Blocks[(int)proof.BlockNumber].Header;
        var json = new JsonObject
        {
            ["kind"] = proof.Kind.ToString().ToLowerInvariant(),
            ["block"] = proof.BlockNumber,
            ["blockHash"] = header.Hash.ToString(),
            ["index"] = proof.Index,
            ["leafCount"] = header.TransactionCount,
            ["item"] = proof.ItemHash.ToString(),
            ["path"] = new JsonArray(proof.Path.Select(h => (JsonNode)h.ToString()).ToArray()),
            ["root"] = (receipt ? header.ReceiptsRoot : header.TransactionsRoot).ToString(),
        };
        console.WriteLine(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        bool valid = proof.Verify(header) && header.HasValidSignature();
        console.MarkupLine(valid ? "[green]The proof verifies against the signed block header.[/]" : "[red]The proof does NOT verify.[/]");
        return valid ? 0 : 1;
    }
}
