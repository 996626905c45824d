//! The SDK's calls and types are generated from `metadata/taonet.scale`: it must be the
//! runtime's metadata, or the SDK would build transactions the chain decodes differently.
//!
//! After a runtime change, `TAONET_UPDATE_METADATA=1 cargo test -p taonet-sdk --test metadata`
//! writes the new file.

#[test]
fn the_generated_calls_follow_the_runtimes_metadata() {
	let metadata = sp_io::TestExternalities::default().execute_with(|| {
		taonet_runtime::Runtime::metadata_at_version(15).map(|m| m.to_vec()).unwrap_or_default()
	});
	assert!(!metadata.is_empty(), "the runtime has no V15 metadata");
	let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("metadata/taonet.scale");
	if std::env::var_os("TAONET_UPDATE_METADATA").is_some() {
		std::fs::write(&path, &metadata).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
	}
	let stored = std::fs::read(&path).unwrap_or_default();
	assert!(
		stored == metadata,
		"{} is not the runtime's metadata: run `TAONET_UPDATE_METADATA=1 cargo test -p \
		 taonet-sdk --test metadata` and rebuild the SDK",
		path.display()
	);
}
