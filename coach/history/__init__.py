"""The history: records, the store, insights, record wording, export and import. No textual."""
