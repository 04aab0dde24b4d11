using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ValueChain.Conformance.Ledger;

namespace ValueChain.Ledger.InMemory.Tests;

public sealed class ClockAndOptionsTests
{
    /// <summary>A clock that jumps back: the ledger must not follow it.</summary>
    private sealed class UnreliableClock : TimeProvider
    {
        private readonly Queue<DateTimeOffset> _times;

        public UnreliableClock(params DateTimeOffset[] times) => _times = new Queue<DateTimeOffset>(times);

        public override DateTimeOffset GetUtcNow() => _times.Count > 1 ? _times.Dequeue() : _times.Peek();
    }

    [Fact]
    public async Task Block_time_never_decreases_even_when_the_clock_does()
    {
        DateTimeOffset t = TestLedgers.Start;
        await using InMemoryLedger ledger = TestLedgers.Open(o => o.Clock = new UnreliableClock(t, t.AddHours(2), t.AddHours(1), t.AddHours(3)));

        TransactionReceipt first = await ledger.SubmitAsync(TestLedgers.Members[0], TestLedgers.Put("a", "1"));
        TransactionReceipt second = await ledger.SubmitAsync(TestLedgers.Members[0], TestLedgers.Put("a", "2"));
        TransactionReceipt third = await ledger.SubmitAsync(TestLedgers.Members[0], TestLedgers.Put("a", "3"));

        DateTimeOffset Time(TransactionReceipt r) => ledger.GetBlock(r.BlockNumber)!.Header.Timestamp;
        Assert.Equal(t.AddHours(2), Time(first));
        Assert.Equal(t.AddHours(2), Time(second));
        Assert.Equal(t.AddHours(3), Time(third));
    }

    [Fact]
    public async Task A_simulated_day_passes_without_waiting()
    {
        var clock = new ManualLedgerClock(TestLedgers.Start);
        await using InMemoryLedger ledger = TestLedgers.Open(o => o.Clock = clock);

        for (int slot = 0; slot < 96; slot++)
        {
            await ledger.AdvanceAsync(TimeSpan.FromMinutes(15));
            await ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("slot", slot.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(TestLedgers.Start.AddDays(1), ledger.Head.Timestamp);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(TestLedgers.Start));
    }

    [Fact]
    public async Task Time_control_needs_a_manual_clock()
    {
        await using InMemoryLedger ledger = TestLedgers.Open(o => o.Clock = TimeProvider.System);

        await Assert.ThrowsAsync<NotSupportedException>(() => ledger.AdvanceAsync(TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(0, "MaxBlockTransactions must be at least 1")]
    [InlineData(-1, "BlockLinger must not be negative")]
    public void Invalid_options_are_refused_with_a_message_that_says_what_to_change(int value, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => TestLedgers.Open(o =>
        {
            if (value == 0) o.MaxBlockTransactions = 0; else o.BlockLinger = TimeSpan.FromSeconds(value);
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserved_and_duplicate_chaincode_names_are_refused()
    {
        Assert.Throws<ConfigurationException>(() => InMemoryLedger.Open(TestLedgers.Options(), [new ConformanceChaincode(), new ConformanceChaincode()]));
    }

    [Fact]
    public async Task AddValueChain_with_UseInMemoryLedger_serves_the_ports()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChaincode, ConformanceChaincode>();
        services.AddValueChain(vc => vc.UseInMemoryLedger(o =>
        {
            o.Membership = MembershipMode.Open;
            o.MaxBlockTransactions = 10;
        }));
        await using ServiceProvider provider = services.BuildServiceProvider();

        IContractGateway gateway = provider.GetRequiredService<IContractGateway>();
        TransactionReceipt receipt = await gateway.SubmitAsync(TestLedgers.Signer("anyone"), TestLedgers.Put("di", "works"));

        Assert.True(receipt.Succeeded);
        Assert.Same(gateway, provider.GetRequiredService<ILedgerTimeControl>());
        Assert.Equal("\"works\"", await gateway.EvaluateAsync(null, new ContractInvocation(ConformanceChaincode.ChaincodeName, "get", """{"key":"di"}""")));
    }

    [Fact]
    public async Task A_permissioned_ledger_without_admins_fails_at_start_up_saying_what_to_do()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseInMemoryLedger());
        await using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IContractGateway>());

        Assert.Contains("needs at least one admin", error.Message, StringComparison.Ordinal);
        Assert.Contains("MembershipMode.Open", error.Message, StringComparison.Ordinal);
    }
}
