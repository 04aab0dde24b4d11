using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Tests.DependencyInjection;

public sealed class AddTraceabilityTests
{
    private static readonly string AppSettings = $$"""
        {
          "ValueChain": {
            "Traceability": {
              "InvitationApprovals": 1,
              "LateTolerance": "12:00:00",
              "GenesisParticipants": [
                { "Address": "{{Oem.Address}}", "Name": "OEM", "Role": "Oem", "IsAdmin": true },
                { "Address": "{{Tier2a.Address.ToLowerHex()}}", "Name": "Tier-2 A", "Role": "Supplier" }
              ]
            }
          }
        }
        """;

    [Fact]
    public async Task Without_genesis_participants_the_host_fails_at_start_up_naming_the_setting_not_inside_AddValueChain()
    {
        using IHost host = Host(vc => vc.AddTraceability());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(typeof(TraceabilityOptions), error.OptionsType);
        Assert.Contains(error.Failures, f => f.StartsWith("TraceabilityOptions.GenesisParticipants needs at least one admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_admin_the_host_starts_and_the_other_settings_keep_their_defaults()
    {
        using IHost host = Host(vc => vc.AddTraceability(o => o.GenesisParticipants.Add(new Participant(Oem.Address, "OEM", ParticipantRole.Oem, IsAdmin: true))));

        await host.StartAsync(TestContext.Current.CancellationToken);

        TraceabilityOptions options = host.Services.GetRequiredService<IOptions<TraceabilityOptions>>().Value;
        Assert.Equal(1, options.InvitationApprovals);
        Assert.Equal(TimeSpan.FromDays(1), options.LateTolerance);
        Assert.IsType<TraceabilityChaincodeAdapter>(host.Services.GetRequiredService<ITraceabilityContract>());
        Assert.Single(host.Services.GetServices<IChaincode>().OfType<TraceabilityChaincode>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_chaincode_is_built_from_the_options_when_the_ledger_needs_it_not_at_registration()
    {
        int configured = 0;
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc
            .UseInMemoryLedger(o => o.Membership = MembershipMode.Open)
            .AddTraceability(o =>
            {
                configured++;
                o.GenesisParticipants.Add(new Participant(Oem.Address, "OEM", ParticipantRole.Oem, IsAdmin: true));
            }));
        Assert.Equal(0, configured);
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(0, configured);
        ITraceabilityContract contract = provider.GetRequiredService<ITraceabilityContract>();
        Assert.Equal(1, configured);
        Assert.Equal("OEM", (await contract.GetParticipantAsync(Oem.Address, TestContext.Current.CancellationToken))!.Name);
    }

    [Fact]
    public async Task Bad_options_fail_when_the_chaincode_is_first_needed_even_without_a_host()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open).AddTraceability(o => o.InvitationApprovals = 0));
        await using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITraceabilityContract>());

        Assert.Contains(error.Failures, f => f.StartsWith("TraceabilityOptions.InvitationApprovals must be at least 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_bind_from_appsettings_json()
    {
        using IHost host = Host((vc, configuration) => vc.AddTraceability(configuration.GetSection("ValueChain:Traceability")), AppSettings);
        await host.StartAsync(TestContext.Current.CancellationToken);

        TraceabilityOptions options = host.Services.GetRequiredService<IOptions<TraceabilityOptions>>().Value;
        ITraceabilityContract contract = host.Services.GetRequiredService<ITraceabilityContract>();

        Assert.Equal(TimeSpan.FromHours(12), options.LateTolerance);
        Assert.Equal(
            [new Participant(Oem.Address, "OEM", ParticipantRole.Oem, true), new Participant(Tier2a.Address, "Tier-2 A", ParticipantRole.Supplier, false)],
            options.GenesisParticipants);
        Assert.Equal(
            new Participant(Tier2a.Address, "Tier-2 A", ParticipantRole.Supplier, false, DateTimeOffset.UnixEpoch, null),
            await contract.GetParticipantAsync(Tier2a.Address, TestContext.Current.CancellationToken));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("""{ "Address": "0x1234", "Name": "OEM", "Role": "Oem", "IsAdmin": true }""", "'0x1234' at 'ValueChain:Traceability:GenesisParticipants:0:Address'")]
    [InlineData("""{ "Address": "{oem}", "Name": "OEM", "Role": "Carmaker", "IsAdmin": true }""", "'Carmaker' at 'ValueChain:Traceability:GenesisParticipants:0:Role'")]
    [InlineData("""{ "Address": "{oem}", "Role": "Oem", "IsAdmin": true }""", "parameter 'Name' has no matching config")]
    public async Task An_entry_the_binder_cannot_read_fails_start_up_naming_it_instead_of_being_left_out(string entry, string named)
    {
        string json = $$"""{ "ValueChain": { "Traceability": { "GenesisParticipants": [ {{entry.Replace("{oem}", Oem.Address.ToString(), StringComparison.Ordinal)}} ] } } }""";
        using IHost host = Host((vc, configuration) => vc.AddTraceability(configuration.GetSection("ValueChain:Traceability")), json);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f =>
            f.StartsWith("TraceabilityOptions.GenesisParticipants: the configuration entry 'ValueChain:Traceability:GenesisParticipants:0' cannot be read as a Participant, so it would be left out; correct it:", StringComparison.Ordinal)
            && f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_call_with_settings_is_refused_saying_what_to_do()
    {
        var services = new ServiceCollection();
        IConfiguration configuration = Configuration(AppSettings).GetSection("ValueChain:Traceability");

        var twoDelegates = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc
            .UseInMemoryLedger()
            .AddTraceability(o => o.InvitationApprovals = 1)
            .AddTraceability(o => o.InvitationApprovals = 2)));
        var secondAddValueChain = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc.UseInMemoryLedger().AddTraceability(configuration)));

        foreach (ConfigurationException error in new[] { twoDelegates, secondAddValueChain })
        {
            Assert.Equal(ErrorCodes.Configuration, error.Code);
            Assert.StartsWith("AddTraceability was called a second time with settings on the same service collection; one deployment has one set of TraceabilityOptions.", error.Message, StringComparison.Ordinal);
            Assert.Contains("Give all settings to one AddTraceability call (or add to them with services.Configure<TraceabilityOptions>(...))", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_repeat_without_settings_is_a_no_op_and_may_come_first()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc
            .UseInMemoryLedger(o => o.Membership = MembershipMode.Open)
            .AddTraceability()
            .AddTraceability(o => o.GenesisParticipants.Add(new Participant(Oem.Address, "OEM", ParticipantRole.Oem, IsAdmin: true)))
            .AddTraceability());
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IChaincode>());
        Assert.Single(provider.GetServices<IValidateOptions<TraceabilityOptions>>());
        Assert.Single(provider.GetRequiredService<IOptions<TraceabilityOptions>>().Value.GenesisParticipants);
    }

    [Fact]
    public async Task A_port_registered_before_AddTraceability_is_kept_and_the_factory_uses_it()
    {
        await using InMemoryLedger other = InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open }, [new TraceabilityChaincode(Options())]);
        var replacement = new TraceabilityChaincodeAdapter(other);
        var services = new ServiceCollection();
        services.AddSingleton<ITraceabilityContract>(replacement);
        services.AddValueChain(vc => vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open).AddTraceability(o => o.GenesisParticipants.Add(new Participant(Oem.Address, "OEM", ParticipantRole.Oem, IsAdmin: true))));
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(replacement, provider.GetRequiredService<ITraceabilityContract>());
        Assert.Same(replacement, provider.GetRequiredService<TraceabilityClientFactory>().Create(Oem).Contract);
    }

    [Fact]
    public async Task The_client_factory_returns_clients_whose_commands_are_signed_by_the_given_signer()
    {
        using IHost host = Host((vc, configuration) => vc.AddTraceability(configuration.GetSection("ValueChain:Traceability")), AppSettings);
        await host.StartAsync(TestContext.Current.CancellationToken);
        TraceabilityClientFactory factory = host.Services.GetRequiredService<TraceabilityClientFactory>();

        TraceabilityClient supplier = factory.Create(Tier2a);
        await supplier.RegisterPartsAsync([new PartRegistration("DI-1", "PN-SENSOR", "B-1")], Plant, TestContext.Current.CancellationToken);
        var stranger = await Assert.ThrowsAsync<ChaincodeException>(() => factory.Create(Stranger).RegisterPartsAsync([new PartRegistration("DI-2", "PN-SENSOR", "B-1")], Plant, TestContext.Current.CancellationToken));

        Part part = (await supplier.Contract.GetPartAsync("DI-1", TestContext.Current.CancellationToken))!;
        Assert.Equal(Tier2a.Address, supplier.Address);
        Assert.Equal(Tier2a.Address, part.Manufacturer);
        Assert.Equal(Tier2a.Address, part.Owner);
        Assert.Equal(ErrorCodes.Unauthorized, stranger.Code);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IHost Host(Action<ValueChainBuilder> configure) => Host((vc, _) => configure(vc), json: null);

    internal static IHost Host(Action<ValueChainBuilder, IConfiguration> configure, string? json)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (json is not null)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        builder.Services.AddValueChain(vc => configure(vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open), builder.Configuration));
        return builder.Build();
    }

    internal static string Messages(Exception error) => error is AggregateException all
        ? string.Join("\n", all.Flatten().InnerExceptions.Select(Messages))
        : error.InnerException is { } inner ? error.Message + "\n" + Messages(inner) : error.Message;

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
