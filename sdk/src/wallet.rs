//! Wallets: one coldkey (which holds and stakes TAO) and any number of hotkeys (which sign
//! for a neuron), as Bittensor arranges them.
//!
//! On disk, under a root folder (`~/.taonet/wallets` unless `TAONET_WALLET_PATH` says
//! otherwise):
//!
//! ```text
//! <wallet>/coldkey          the coldkey's secret, encrypted (see EncryptedKey)
//! <wallet>/coldkeypub.txt   its address, readable without the password
//! <wallet>/hotkeys/<name>   a hotkey's secret, not encrypted: a miner or validator signs
//!                           with it unattended, and it holds no TAO
//! ```
//!
//! A secret is stored as a secret URI: a BIP-39 phrase or a `0x` seed, with any derivation
//! path (`//Alice`). The coldkey's is encrypted with a key from scrypt (N = 2^15, r = 8,
//! p = 1, 16 random bytes of salt) under XChaCha20-Poly1305 with a random 24-byte nonce; a
//! wrong password fails the cipher's authentication and is reported as such. Files holding a
//! secret are written with mode 0600.

use std::{
	fs,
	path::{Path, PathBuf},
	str::FromStr,
};

use chacha20poly1305::{
	aead::{Aead, KeyInit},
	XChaCha20Poly1305, XNonce,
};
use serde::{Deserialize, Serialize};
use subxt_signer::{bip39::Mnemonic, sr25519::Keypair, SecretUri};

use crate::{
	error::{Error, Result},
	parse_account, AccountId32,
};

/// scrypt's cost: N = 2^15 with r = 8 takes 32 MiB and a fraction of a second.
const SCRYPT_LOG_N: u8 = 15;
const SCRYPT_R: u32 = 8;
const SCRYPT_P: u32 = 1;

/// A coldkey's secret as stored: encrypted, with what decrypting it needs.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EncryptedKey {
	/// The format's version, 1.
	pub version: u8,
	/// The account, so that a wrong file is caught before asking for a password.
	pub ss58_address: String,
	/// `scrypt`.
	pub kdf: String,
	/// scrypt's log2(N), r and p.
	pub log_n: u8,
	/// scrypt's r.
	pub r: u32,
	/// scrypt's p.
	pub p: u32,
	/// The salt, hex.
	pub salt: String,
	/// `xchacha20poly1305`.
	pub cipher: String,
	/// The nonce, hex.
	pub nonce: String,
	/// The secret URI's encryption, with its tag, hex.
	pub ciphertext: String,
}

/// A hotkey's or coldkey's public file.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PublicFile {
	ss58_address: String,
	public_key: String,
}

/// A hotkey's secret file.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HotkeyFile {
	ss58_address: String,
	secret_uri: String,
}

/// One wallet as listed: its name, coldkey address and hotkeys.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WalletInfo {
	/// The wallet's folder name.
	pub name: String,
	/// The coldkey's address.
	pub coldkey: String,
	/// Each hotkey's name and address.
	pub hotkeys: Vec<(String, String)>,
}

/// The folder that holds wallets.
#[derive(Clone, Debug)]
pub struct Wallets {
	root: PathBuf,
}

/// A new key's phrase: shown once, for the user to write down.
pub struct NewKey {
	/// The key pair.
	pub key: Keypair,
	/// Its BIP-39 phrase (12 words).
	pub mnemonic: String,
}

/// The key pair of a secret URI: a BIP-39 phrase or a `0x` 32-byte seed, with an optional
/// derivation path (`//Alice` alone is the well-known dev key).
pub fn keypair_from_uri(uri: &str) -> Result<Keypair> {
	let parsed = SecretUri::from_str(uri)
		.map_err(|e| Error::Invalid(format!("not a mnemonic, seed or secret URI: {e}")))?;
	Keypair::from_uri(&parsed)
		.map_err(|e| Error::Invalid(format!("not a mnemonic, seed or secret URI: {e}")))
}

/// A new random 12-word phrase and its key pair.
pub fn generate() -> Result<NewKey> {
	let mut entropy = [0u8; 16];
	getrandom::getrandom(&mut entropy)
		.map_err(|e| Error::Wallet(format!("no randomness from the system: {e}")))?;
	let mnemonic = Mnemonic::from_entropy(&entropy)
		.map_err(|e| Error::Wallet(format!("could not make a phrase: {e}")))?
		.to_string();
	Ok(NewKey { key: keypair_from_uri(&mnemonic)?, mnemonic })
}

fn random<const N: usize>() -> Result<[u8; N]> {
	let mut bytes = [0u8; N];
	getrandom::getrandom(&mut bytes)
		.map_err(|e| Error::Wallet(format!("no randomness from the system: {e}")))?;
	Ok(bytes)
}

fn derive_key(password: &str, salt: &[u8], log_n: u8, r: u32, p: u32) -> Result<[u8; 32]> {
	let params = scrypt::Params::new(log_n, r, p, 32)
		.map_err(|e| Error::Wallet(format!("bad scrypt parameters in the key file: {e}")))?;
	let mut key = [0u8; 32];
	scrypt::scrypt(password.as_bytes(), salt, &params, &mut key)
		.map_err(|e| Error::Wallet(format!("scrypt: {e}")))?;
	Ok(key)
}

impl EncryptedKey {
	/// Encrypts `secret_uri` (whose account is `address`) under `password`.
	pub fn seal(secret_uri: &str, address: &str, password: &str) -> Result<Self> {
		let salt: [u8; 16] = random()?;
		let nonce: [u8; 24] = random()?;
		let key = derive_key(password, &salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P)?;
		let ciphertext = XChaCha20Poly1305::new(&key.into())
			.encrypt(XNonce::from_slice(&nonce), secret_uri.as_bytes())
			.map_err(|_| Error::Wallet("encryption failed".into()))?;
		Ok(Self {
			version: 1,
			ss58_address: address.to_owned(),
			kdf: "scrypt".into(),
			log_n: SCRYPT_LOG_N,
			r: SCRYPT_R,
			p: SCRYPT_P,
			salt: hex::encode(salt),
			cipher: "xchacha20poly1305".into(),
			nonce: hex::encode(nonce),
			ciphertext: hex::encode(ciphertext),
		})
	}

	/// The key pair, if `password` is the one it was sealed with.
	pub fn open(&self, password: &str) -> Result<Keypair> {
		if self.version != 1 || self.kdf != "scrypt" || self.cipher != "xchacha20poly1305" {
			return Err(Error::Wallet(format!(
				"unknown key file format (version {}, {}, {})",
				self.version, self.kdf, self.cipher
			)));
		}
		let bad = |what| Error::Wallet(format!("the key file's {what} is not valid hex"));
		let salt = hex::decode(&self.salt).map_err(|_| bad("salt"))?;
		let nonce = hex::decode(&self.nonce).map_err(|_| bad("nonce"))?;
		let ciphertext = hex::decode(&self.ciphertext).map_err(|_| bad("ciphertext"))?;
		if nonce.len() != 24 {
			return Err(Error::Wallet("the key file's nonce is not 24 bytes".into()));
		}
		let key = derive_key(password, &salt, self.log_n, self.r, self.p)?;
		let plain = XChaCha20Poly1305::new(&key.into())
			.decrypt(XNonce::from_slice(&nonce), ciphertext.as_slice())
			.map_err(|_| Error::Wallet("wrong password for the coldkey".into()))?;
		let uri = String::from_utf8(plain)
			.map_err(|_| Error::Wallet("the decrypted coldkey is not text".into()))?;
		let key = keypair_from_uri(&uri)?;
		if crate::account_of(&key).to_string() != self.ss58_address {
			return Err(Error::Wallet("the coldkey file does not match its address".into()));
		}
		Ok(key)
	}
}

fn write_private(path: &Path, contents: &[u8]) -> Result<()> {
	use std::io::Write;
	let mut options = fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut file = options.open(path).map_err(|e| {
		if e.kind() == std::io::ErrorKind::AlreadyExists {
			Error::Wallet(format!("{} exists already; it is never overwritten", path.display()))
		} else {
			Error::io(format!("creating {}", path.display()), e)
		}
	})?;
	file.write_all(contents).map_err(|e| Error::io(format!("writing {}", path.display()), e))
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T> {
	let text = fs::read_to_string(path)
		.map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
	serde_json::from_str(&text)
		.map_err(|e| Error::Wallet(format!("{} is not a key file: {e}", path.display())))
}

fn check_name(kind: &str, name: &str) -> Result<()> {
	let fine = !name.is_empty()
		&& name.len() <= 64
		&& name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
	if fine {
		Ok(())
	} else {
		Err(Error::Invalid(format!(
			"{kind} name {name:?}: use 1 to 64 letters, digits, '-' or '_'"
		)))
	}
}

impl Default for Wallets {
	fn default() -> Self {
		Self::at(Self::default_root())
	}
}

impl Wallets {
	/// Wallets under `root`.
	pub fn at(root: impl Into<PathBuf>) -> Self {
		Self { root: root.into() }
	}

	/// `TAONET_WALLET_PATH`, or `~/.taonet/wallets`.
	pub fn default_root() -> PathBuf {
		if let Some(path) = std::env::var_os("TAONET_WALLET_PATH") {
			return PathBuf::from(path);
		}
		let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
		home.join(".taonet").join("wallets")
	}

	/// The root folder.
	pub fn root(&self) -> &Path {
		&self.root
	}

	fn dir(&self, wallet: &str) -> Result<PathBuf> {
		check_name("wallet", wallet)?;
		Ok(self.root.join(wallet))
	}

	/// Creates wallet `wallet` with a new coldkey encrypted under `password`; returns the
	/// key and its phrase.
	pub fn create(&self, wallet: &str, password: &str) -> Result<NewKey> {
		let new = generate()?;
		self.import_coldkey(wallet, &new.mnemonic, password)?;
		Ok(new)
	}

	/// Creates wallet `wallet` from a coldkey's secret URI (phrase, seed or dev URI).
	pub fn import_coldkey(
		&self,
		wallet: &str,
		secret_uri: &str,
		password: &str,
	) -> Result<Keypair> {
		if password.is_empty() {
			return Err(Error::Invalid("a coldkey needs a password".into()));
		}
		let key = keypair_from_uri(secret_uri)?;
		let address = crate::account_of(&key).to_string();
		let dir = self.dir(wallet)?;
		fs::create_dir_all(dir.join("hotkeys"))
			.map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
		let sealed = EncryptedKey::seal(secret_uri, &address, password)?;
		let json = serde_json::to_vec_pretty(&sealed)
			.map_err(|e| Error::Wallet(format!("encoding the key file: {e}")))?;
		write_private(&dir.join("coldkey"), &json)?;
		let public = PublicFile {
			ss58_address: address,
			public_key: format!("0x{}", hex::encode(key.public_key().0)),
		};
		let json = serde_json::to_vec_pretty(&public)
			.map_err(|e| Error::Wallet(format!("encoding the key file: {e}")))?;
		fs::write(dir.join("coldkeypub.txt"), json)
			.map_err(|e| Error::io(format!("writing {}", dir.display()), e))?;
		Ok(key)
	}

	/// Creates hotkey `hotkey` of wallet `wallet` with a new random key.
	pub fn create_hotkey(&self, wallet: &str, hotkey: &str) -> Result<NewKey> {
		let new = generate()?;
		self.import_hotkey(wallet, hotkey, &new.mnemonic)?;
		Ok(new)
	}

	/// Adds hotkey `hotkey` to wallet `wallet` from a secret URI.
	pub fn import_hotkey(&self, wallet: &str, hotkey: &str, secret_uri: &str) -> Result<Keypair> {
		check_name("hotkey", hotkey)?;
		let key = keypair_from_uri(secret_uri)?;
		let dir = self.dir(wallet)?.join("hotkeys");
		fs::create_dir_all(&dir)
			.map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
		let file = HotkeyFile {
			ss58_address: crate::account_of(&key).to_string(),
			secret_uri: secret_uri.to_owned(),
		};
		let json = serde_json::to_vec_pretty(&file)
			.map_err(|e| Error::Wallet(format!("encoding the key file: {e}")))?;
		write_private(&dir.join(hotkey), &json)?;
		Ok(key)
	}

	/// The coldkey's address, read without the password.
	pub fn coldkey_address(&self, wallet: &str) -> Result<AccountId32> {
		let public: PublicFile = read_json(&self.dir(wallet)?.join("coldkeypub.txt"))?;
		parse_account(&public.ss58_address)
	}

	/// The coldkey, decrypted with `password`.
	pub fn unlock_coldkey(&self, wallet: &str, password: &str) -> Result<Keypair> {
		let sealed: EncryptedKey = read_json(&self.dir(wallet)?.join("coldkey"))?;
		sealed.open(password)
	}

	/// Hotkey `hotkey` of wallet `wallet`.
	pub fn hotkey(&self, wallet: &str, hotkey: &str) -> Result<Keypair> {
		check_name("hotkey", hotkey)?;
		let file: HotkeyFile = read_json(&self.dir(wallet)?.join("hotkeys").join(hotkey))?;
		let key = keypair_from_uri(&file.secret_uri)?;
		if crate::account_of(&key).to_string() != file.ss58_address {
			return Err(Error::Wallet(format!("hotkey {hotkey} does not match its address")));
		}
		Ok(key)
	}

	/// Every wallet under the root, by name.
	pub fn list(&self) -> Result<Vec<WalletInfo>> {
		let mut wallets = Vec::new();
		let entries = match fs::read_dir(&self.root) {
			Ok(entries) => entries,
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(wallets),
			Err(e) => return Err(Error::io(format!("reading {}", self.root.display()), e)),
		};
		for entry in entries.flatten() {
			let name = entry.file_name().to_string_lossy().into_owned();
			let Ok(coldkey) = self.coldkey_address(&name) else { continue };
			let mut hotkeys = Vec::new();
			if let Ok(files) = fs::read_dir(entry.path().join("hotkeys")) {
				for file in files.flatten() {
					let hotkey = file.file_name().to_string_lossy().into_owned();
					if let Ok(f) = read_json::<HotkeyFile>(&file.path()) {
						hotkeys.push((hotkey, f.ss58_address));
					}
				}
			}
			hotkeys.sort();
			wallets.push(WalletInfo { name, coldkey: coldkey.to_string(), hotkeys });
		}
		wallets.sort_by(|a, b| a.name.cmp(&b.name));
		Ok(wallets)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn temp_root(name: &str) -> PathBuf {
		let dir = std::env::temp_dir().join(format!("taonet-wallet-{name}-{}", std::process::id()));
		let _ = fs::remove_dir_all(&dir);
		dir
	}

	#[test]
	fn a_coldkey_opens_with_its_password_only() {
		let wallets = Wallets::at(temp_root("password"));
		let created = wallets.create("main", "correct horse").ok();
		let address = created.as_ref().map(|k| crate::account_of(&k.key));
		assert!(address.is_some());
		assert_eq!(wallets.coldkey_address("main").ok(), address);
		let opened = wallets.unlock_coldkey("main", "correct horse").ok();
		assert_eq!(opened.map(|k| crate::account_of(&k)), address);
		let wrong = wallets.unlock_coldkey("main", "wrong").err().map(|e| e.to_string());
		assert_eq!(wrong.as_deref(), Some("wallet: wrong password for the coldkey"));
		// The file holds no part of the phrase in the clear.
		let file = fs::read_to_string(wallets.root().join("main/coldkey")).unwrap_or_default();
		let phrase = created.map(|k| k.mnemonic).unwrap_or_default();
		assert!(phrase.split(' ').all(|word| !file.contains(&format!("\"{word}"))));
		assert!(!file.contains(&phrase) && file.contains("xchacha20poly1305"));
	}

	#[test]
	fn imports_give_the_known_dev_accounts_and_never_overwrite() {
		let wallets = Wallets::at(temp_root("import"));
		let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
		let key = wallets.import_coldkey("dev", "//Alice", "pw").ok();
		assert_eq!(key.map(|k| crate::account_of(&k).to_string()).as_deref(), Some(alice));
		assert!(wallets.import_coldkey("dev", "//Bob", "pw").is_err());
		let bob = wallets.import_hotkey("dev", "default", "//Bob").ok();
		assert_eq!(
			bob.map(|k| crate::account_of(&k).to_string()).as_deref(),
			Some("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty")
		);
		let listed = wallets.list().unwrap_or_default();
		assert_eq!(listed.len(), 1);
		assert_eq!(listed[0].coldkey, alice);
		assert_eq!(listed[0].hotkeys.len(), 1);
		assert!(wallets.import_hotkey("dev", "../escape", "//Eve").is_err());
		assert!(wallets.import_coldkey("x", "//Eve", "").is_err());
	}

	#[cfg(unix)]
	#[test]
	fn secrets_are_readable_by_their_owner_only() {
		use std::os::unix::fs::PermissionsExt;
		let wallets = Wallets::at(temp_root("mode"));
		assert!(wallets.import_coldkey("w", "//Ferdie", "pw").is_ok());
		assert!(wallets.import_hotkey("w", "h", "//Dave").is_ok());
		for file in ["w/coldkey", "w/hotkeys/h"] {
			let mode = fs::metadata(wallets.root().join(file)).map(|m| m.permissions().mode());
			assert_eq!(mode.ok().map(|m| m & 0o777), Some(0o600), "{file}");
		}
	}
}
