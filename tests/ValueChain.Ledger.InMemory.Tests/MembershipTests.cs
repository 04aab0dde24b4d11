using System.Text.Json;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>Genesis members may submit; admins add and remove members by transaction; others are refused.</summary>
public sealed class MembershipTests
{
    private static ContractInvocation Membership(string function, Address address, bool admin = false) =>
        new("_membership", function, JsonSerializer.Serialize(new { address = address.ToString(), admin }));

    [Fact]
    public async Task An_admin_adds_a_member_who_can_then_submit_and_removes_them_again()
    {
        await using InMemoryLedger ledger = TestLedgers.Open();
        var newcomer = TestLedgers.Signer("newcomer");
        Assert.Equal(ErrorCodes.UnknownSender, (await Assert.ThrowsAsync<TransactionRejectedException>(() => ledger.SubmitAsync(newcomer, TestLedgers.Put("a", "1")))).Code);

        TransactionReceipt added = await ledger.SubmitAsync(TestLedgers.Admin, Membership("addMember", newcomer.Address));
        Assert.True(added.Succeeded);
        Assert.Equal("MemberAdded", Assert.Single(added.Events).Name);
        Assert.True((await ledger.SubmitAsync(newcomer, TestLedgers.Put("a", "1"))).Succeeded);

        Assert.True((await ledger.SubmitAsync(TestLedgers.Admin, Membership("removeMember", newcomer.Address))).Succeeded);
        Assert.Equal(ErrorCodes.UnknownSender, (await Assert.ThrowsAsync<TransactionRejectedException>(() => ledger.SubmitAsync(newcomer, TestLedgers.Put("a", "2")))).Code);
        Assert.Equal("1", TestLedgers.Get(ledger, "a"));
    }

    [Fact]
    public async Task A_member_who_is_not_an_admin_cannot_change_membership()
    {
        await using InMemoryLedger ledger = TestLedgers.Open();

        TransactionReceipt receipt = await ledger.SubmitAsync(TestLedgers.Members[1], Membership("addMember", TestLedgers.Signer("friend").Address, admin: true));

        Assert.Equal(TransactionStatus.Failed, receipt.Status);
        Assert.Equal(ErrorCodes.Unauthorized, receipt.ErrorCode);
        Assert.Equal("null", await ledger.EvaluateAsync(null, Membership("getRole", TestLedgers.Signer("friend").Address)));
        Assert.Equal("\"member\"", await ledger.EvaluateAsync(null, Membership("getRole", TestLedgers.Members[1].Address)));
    }

    [Fact]
    public async Task An_admin_cannot_remove_itself()
    {
        await using InMemoryLedger ledger = TestLedgers.Open();

        TransactionReceipt receipt = await ledger.SubmitAsync(TestLedgers.Admin, Membership("removeMember", TestLedgers.Admin.Address));

        Assert.Equal(ErrorCodes.Conflict, receipt.ErrorCode);
        Assert.Equal("\"admin\"", await ledger.EvaluateAsync(null, Membership("getRole", TestLedgers.Admin.Address)));
    }
}
