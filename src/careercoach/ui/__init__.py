"""What a person sees: terminal views (Rich renderables), prompts, and exported files."""
