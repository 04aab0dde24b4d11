using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ValueChain.Ledger.Ethereum.Generators;

/// <summary>
/// A small strict JSON reader. Generators run inside the compiler on netstandard2.0, where
/// System.Text.Json would have to be shipped and loaded next to the generator; ABI files need only
/// objects, arrays, strings, booleans and null.
/// </summary>
internal sealed class JsonReader
{
    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>: objects become dictionaries, arrays lists, numbers doubles.</summary>
    /// <exception cref="FormatException">The text is not JSON.</exception>
    public static object? Parse(string text)
    {
        var reader = new JsonReader(text);
        object? value = reader.ReadValue();
        reader.SkipWhitespace();
        return reader._position == text.Length ? value : throw reader.Error("unexpected text after the JSON value");
    }

    private object? ReadValue()
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw Error("unexpected end");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{': return ReadObject();
            case '[': return ReadArray();
            case '"': return ReadString();
            case 't': return ReadLiteral("true", true);
            case 'f': return ReadLiteral("false", false);
            case 'n': return ReadLiteral("null", null);
            default:
                return c == '-' || char.IsDigit(c) ? ReadNumber() : throw Error($"unexpected '{c}'");
        }
    }

    private Dictionary<string, object?> ReadObject()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return result;
        }

        do
        {
            SkipWhitespace();
            string key = _position < _text.Length && _text[_position] == '"' ? ReadString() : throw Error("a property name is expected");
            SkipWhitespace();
            Expect(':');
            result[key] = ReadValue();
            SkipWhitespace();
        }
        while (TryConsume(','));

        Expect('}');
        return result;
    }

    private List<object?> ReadArray()
    {
        var result = new List<object?>();
        _position++;
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return result;
        }

        do
        {
            result.Add(ReadValue());
            SkipWhitespace();
        }
        while (TryConsume(','));

        Expect(']');
        return result;
    }

    private string ReadString()
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            char escape = _position < _text.Length ? _text[_position++] : throw Error("unfinished escape");
            builder.Append(escape switch
            {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' when _position + 4 <= _text.Length => (char)int.Parse(_text.Substring((_position += 4) - 4, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                _ => throw Error($"unknown escape '\\{escape}'"),
            });
        }

        throw Error("unfinished string");
    }

    private double ReadNumber()
    {
        int start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        return double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw Error("a malformed number");
    }

    private object? ReadLiteral(string literal, object? value)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"'{literal}' is expected");
        }

        _position += literal.Length;
        return value;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"'{c}' is expected");
        }
    }

    private FormatException Error(string reason) => new($"Invalid JSON at character {_position}: {reason}.");
}
