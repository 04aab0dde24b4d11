using System.ComponentModel;
using System.Globalization;

namespace ValueChain;

/// <summary>
/// Converts an <see cref="Address"/> from and to its hex text, so that addresses bind from configuration
/// (appsettings.json, environment variables) like any other setting.
/// </summary>
public sealed class AddressTypeConverter : TypeConverter
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    /// <inheritdoc />
    /// <exception cref="ValueChainFormatException">The text is not an address (see <see cref="Address.Parse"/>).</exception>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Address.Parse(text.Trim()) : base.ConvertFrom(context, culture, value);

    /// <inheritdoc />
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is Address address ? address.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
