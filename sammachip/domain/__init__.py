"""Programme rules as plain functions: no Flask, callable from tests and CLI."""
