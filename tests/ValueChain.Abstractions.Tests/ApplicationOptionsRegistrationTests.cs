using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ValueChain.Abstractions.Tests;

public sealed class ApplicationOptionsRegistrationTests
{
    private const string Refusal =
        "AddSome was called a second time with settings on the same service collection; one deployment has one set of SomeOptions. " +
        "Give all settings to one AddSome call (or add to them with services.Configure<SomeOptions>(...)), and call AddSome() without arguments anywhere else it must be ensured.";

    private readonly ServiceCollection _services = new();
    private int _servicesRegistered;

    private sealed class SomeOptions
    {
        public int Level { get; set; } = 1;

        public List<int> Primary { get; } = [];

        public List<int> Secondary { get; } = [];
    }

    private sealed class SomeOptionsValidator : IValidateOptions<SomeOptions>
    {
        public ValidateOptionsResult Validate(string? name, SomeOptions options) =>
            options.Level >= 1 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("SomeOptions.Level must be at least 1.");
    }

    private sealed class SomeService;

    [Fact]
    public void A_second_call_with_settings_is_refused_and_adds_nothing()
    {
        AddValueChain(vc => AddSome(vc, o => o.Level = 2));
        int registrations = _services.Count;

        var secondDelegate = Assert.Throws<ConfigurationException>(() => AddValueChain(vc => AddSome(vc, o => o.Level = 3)));
        var secondConfiguration = Assert.Throws<ConfigurationException>(() => AddValueChain(vc => AddSome(vc, Section("""{ "Some": { "Level": 4 } }"""))));

        Assert.Equal(Refusal, secondDelegate.Message);
        Assert.Equal(Refusal, secondConfiguration.Message);
        Assert.Equal(registrations, _services.Count);
        Assert.Equal(1, _servicesRegistered);
        using ServiceProvider provider = _services.BuildServiceProvider();
        Assert.Equal(2, Options(provider).Level);
    }

    [Fact]
    public void Calls_without_settings_register_the_services_once_and_change_nothing_before_or_after_the_one_with_settings()
    {
        AddValueChain(vc => AddSome(vc));
        Assert.Equal(1, _servicesRegistered);
        AddValueChain(vc => AddSome(vc, o => o.Level = 5));
        int registrations = _services.Count;

        AddValueChain(vc => AddSome(AddSome(vc)));

        Assert.Equal(registrations, _services.Count);
        Assert.Equal(1, _servicesRegistered);
        using ServiceProvider provider = _services.BuildServiceProvider();
        Assert.Equal(5, Options(provider).Level);
        Assert.Single(provider.GetServices<SomeService>());
    }

    [Fact]
    public void The_validator_is_registered_once_and_fails_start_up_naming_the_setting()
    {
        AddValueChain(vc => AddSome(AddSome(AddSome(vc), o => o.Level = 0)));
        using ServiceProvider provider = _services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.IsType<SomeOptionsValidator>(Assert.Single(provider.GetServices<IValidateOptions<SomeOptions>>()));
        Assert.Equal(typeof(SomeOptions), error.OptionsType);
        Assert.Equal(["SomeOptions.Level must be at least 1."], error.Failures);
    }

    [Fact]
    public void Configuration_binds_the_options_even_after_a_bare_call()
    {
        AddValueChain(vc => AddSome(AddSome(vc), Section("""{ "Some": { "Level": 3, "Primary": [ 1, 2 ], "Secondary": [ 7 ] } }""")));
        using ServiceProvider provider = _services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        SomeOptions options = Options(provider);
        Assert.Equal(3, options.Level);
        Assert.Equal([1, 2], options.Primary);
        Assert.Equal([7], options.Secondary);
        Assert.Equal(3, provider.GetServices<IValidateOptions<SomeOptions>>().Count());
    }

    [Fact]
    public void Every_list_entry_the_binder_cannot_read_fails_start_up_naming_it_even_for_two_lists_of_one_item_type()
    {
        AddValueChain(vc => AddSome(vc, Section("""{ "Some": { "Primary": [ 1, "two" ], "Secondary": [ "x" ] } }""")));
        using ServiceProvider provider = _services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["SomeOptions.Primary: the configuration entry 'Some:Primary:1'", "SomeOptions.Secondary: the configuration entry 'Some:Secondary:0'"],
            error.Failures.Select(f => f[..f.IndexOf(" cannot be read as a Int32, so it would be left out;", StringComparison.Ordinal)]));
    }

    [Fact]
    public void The_delegate_overload_registers_no_list_validators_and_null_arguments_are_refused_by_name()
    {
        AddValueChain(vc => AddSome(vc, o => o.Level = 2));

        Assert.Single(_services, d => d.ServiceType == typeof(IValidateOptions<SomeOptions>));
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => AddValueChain(vc => AddSome(vc, (IConfiguration)null!))).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => AddSome(null!, o => o.Level = 2)).ParamName);
        Assert.Equal(1, _servicesRegistered);
    }

    private void AddValueChain(Action<ValueChainBuilder> configure) =>
        _services.AddValueChain(vc => configure(vc.UseLedgerDriver("in-memory")));

    private ValueChainBuilder AddSome(ValueChainBuilder builder, Action<SomeOptions>? configure = null) =>
        ApplicationOptionsRegistration.AddApplication<SomeOptions, SomeOptionsValidator>(builder, "AddSome", configure, RegisterServices);

    private ValueChainBuilder AddSome(ValueChainBuilder builder, IConfiguration configuration) =>
        ApplicationOptionsRegistration.AddApplication<SomeOptions, SomeOptionsValidator>(
            builder,
            "AddSome",
            configuration,
            RegisterServices,
            section => new ConfigurationListValidator<SomeOptions, int>(section, nameof(SomeOptions.Primary)),
            section => new ConfigurationListValidator<SomeOptions, int>(section, nameof(SomeOptions.Secondary)));

    private void RegisterServices(IServiceCollection services)
    {
        _servicesRegistered++;
        services.TryAddSingleton<SomeService>();
    }

    private static SomeOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<SomeOptions>>().Value;

    private static IConfiguration Section(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build().GetSection("Some");
}
