//! Uploads a file to the drive, streamed from disk.
//!
//! ```text
//! MISSKEY_TOKEN=... cargo run --example upload -- https://misskey.example photo.jpg
//! ```

use misskey_client::{Client, UploadFile};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(server), Some(file)) = (args.next(), args.next()) else {
        eprintln!("usage: upload https://SERVER FILE (token in MISSKEY_TOKEN)");
        std::process::exit(2);
    };
    let token = std::env::var("MISSKEY_TOKEN")?;
    let client = Client::builder(&server).token(token).build()?;

    // The file is opened and streamed when the request is sent, not read into memory.
    let upload = UploadFile::from_path(&file);
    println!("uploading {upload:?}");
    let created = client
        .drive_files_create()
        .file(upload)
        .is_sensitive(false)
        .await?;
    println!("created drive file {} ({})", created.id, created.name);
    Ok(())
}
