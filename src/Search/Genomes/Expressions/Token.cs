namespace Search.Genomes.Expressions;

public enum TokenKind { Number, Ident, At, LParen, RParen, Comma, Plus, Minus, Star, Slash, Caret, End }

/// <summary>One lexeme with its 0-based start position in the text.</summary>
public readonly record struct Token(TokenKind Kind, string Lexeme, int Position, double Number = 0);
