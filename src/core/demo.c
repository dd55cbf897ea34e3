/* demo.c: deterministic, realistic incoming letters with dispositions in every state, for demos and benchmarks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "date.h"
#include "util.h"

#define DEMO_BATCH 10000 /* letters per transaction */
#define DEMO_DAYS  365   /* letters are spread over this many days up to today */

/* ---- random numbers (splitmix64; rand() is neither portable nor seeded per call) ---- */

static uint64_t demo_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int demo_int(uint64_t *s, int n)
{
	return n <= 1 ? 0 : (int)(demo_next(s) % (uint64_t)n);
}

/* 1 with probability permille / 1000. */
static int demo_chance(uint64_t *s, int permille)
{
	return demo_int(s, 1000) < permille;
}

#define DEMO_PICK(s, arr) ((arr)[demo_int((s), (int)(sizeof(arr) / sizeof((arr)[0])))])

/* ---- who writes to the office ------------------------------------------------ */

enum demo_sender {
	SND_KEMENKOP = 1 << 0, /* Kementerian Koperasi dan UKM */
	SND_PROV     = 1 << 1, /* provincial offices */
	SND_KAB      = 1 << 2, /* regency: Bupati, Dinas Koperasi kabupaten */
	SND_KOP      = 1 << 3, /* cooperatives */
	SND_BPK      = 1 << 4,
	SND_INSP     = 1 << 5,
	SND_DPRD     = 1 << 6,
	SND_BANK     = 1 << 7, /* banks and financial bodies */
	SND_UNIV     = 1 << 8,
	SND_PERSON   = 1 << 9, /* members of the public */
	SND_UMKM     = 1 << 10,
	SND_COUNT    = 11,
};

/* Regencies and the city of NTT (data/wilayah_ntt.csv, BPS 53.xx), with a short code. */
static const struct { const char *name, *place, *abbr; } demo_kab[] = {
	{ "Kabupaten Kupang", "Kupang", "KPG" },
	{ "Kabupaten Timor Tengah Selatan", "Timor Tengah Selatan", "TTS" },
	{ "Kabupaten Timor Tengah Utara", "Timor Tengah Utara", "TTU" },
	{ "Kabupaten Belu", "Belu", "BLU" },
	{ "Kabupaten Alor", "Alor", "ALR" },
	{ "Kabupaten Flores Timur", "Flores Timur", "FLTM" },
	{ "Kabupaten Sikka", "Sikka", "SKA" },
	{ "Kabupaten Ende", "Ende", "END" },
	{ "Kabupaten Ngada", "Ngada", "NGD" },
	{ "Kabupaten Manggarai", "Manggarai", "MGR" },
	{ "Kabupaten Sumba Timur", "Sumba Timur", "SBT" },
	{ "Kabupaten Sumba Barat", "Sumba Barat", "SBB" },
	{ "Kabupaten Lembata", "Lembata", "LBT" },
	{ "Kabupaten Rote Ndao", "Rote Ndao", "RND" },
	{ "Kabupaten Manggarai Barat", "Manggarai Barat", "MBR" },
	{ "Kabupaten Nagekeo", "Nagekeo", "NGK" },
	{ "Kabupaten Sumba Tengah", "Sumba Tengah", "SBTG" },
	{ "Kabupaten Sumba Barat Daya", "Sumba Barat Daya", "SBD" },
	{ "Kabupaten Manggarai Timur", "Manggarai Timur", "MTM" },
	{ "Kabupaten Sabu Raijua", "Sabu Raijua", "SRJ" },
	{ "Kabupaten Malaka", "Malaka", "MLK" },
	{ "Kota Kupang", "Kota Kupang", "KK" },
};
#define DEMO_NKAB ((int)(sizeof demo_kab / sizeof demo_kab[0]))

static const struct { const char *name, *abbr; } demo_kemenkop[] = {
	{ "Kementerian Koperasi dan UKM Republik Indonesia", "KUKM" },
	{ "Deputi Bidang Perkoperasian Kementerian Koperasi dan UKM", "Dep.1" },
	{ "Deputi Bidang Usaha Mikro Kementerian Koperasi dan UKM", "Dep.3" },
	{ "Deputi Bidang Usaha Kecil dan Menengah Kementerian Koperasi dan UKM", "Dep.4" },
	{ "Sekretariat Kementerian Koperasi dan UKM", "Ses" },
	{ "Lembaga Pengelola Dana Bergulir KUMKM", "LPDB" },
};

static const struct { const char *name, *abbr; } demo_prov[] = {
	{ "Gubernur Nusa Tenggara Timur", "GUB" },
	{ "Sekretariat Daerah Provinsi Nusa Tenggara Timur", "SETDA" },
	{ "Biro Perekonomian dan Administrasi Pembangunan Setda Provinsi NTT", "EKBANG" },
	{ "Badan Perencanaan Pembangunan Daerah Provinsi NTT", "BAPPEDA" },
	{ "Badan Keuangan dan Aset Daerah Provinsi NTT", "BKAD" },
	{ "Badan Kepegawaian Daerah Provinsi NTT", "BKD" },
	{ "Dinas Perindustrian dan Perdagangan Provinsi NTT", "DISPERINDAG" },
	{ "Dinas Pemberdayaan Masyarakat dan Desa Provinsi NTT", "DPMD" },
	{ "Badan Pusat Statistik Provinsi Nusa Tenggara Timur", "BPS" },
};

static const struct { const char *name, *abbr; } demo_bank[] = {
	{ "PT Bank Pembangunan Daerah Nusa Tenggara Timur (Bank NTT)", "BankNTT" },
	{ "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Kupang", "BRI-KPG" },
	{ "PT Bank Negara Indonesia (Persero) Tbk Kantor Cabang Kupang", "BNI-KPG" },
	{ "Kantor Perwakilan Bank Indonesia Provinsi Nusa Tenggara Timur", "KPwBI" },
	{ "Otoritas Jasa Keuangan Provinsi Nusa Tenggara Timur", "OJK-NTT" },
	{ "Dewan Koperasi Indonesia Wilayah Nusa Tenggara Timur", "DEKOPINWIL" },
};

static const char *const demo_dprd[] = {
	"DPRD Provinsi Nusa Tenggara Timur",
	"Komisi II DPRD Provinsi Nusa Tenggara Timur",
	"Sekretariat DPRD Provinsi Nusa Tenggara Timur",
};

static const char *const demo_univ[] = {
	"Universitas Nusa Cendana", "Politeknik Negeri Kupang",
	"Universitas Katolik Widya Mandira", "Universitas Muhammadiyah Kupang",
	"Universitas Nusa Nipa Maumere", "Universitas Flores",
};

/* Cooperatives: a few well-known credit unions, the rest built from parts. */
static const char *const demo_kop_known[] = {
	"KSP Kopdit Swasti Sari", "KSP Kopdit Obor Mas", "KSP Kopdit Pintu Air",
	"KSP Kopdit Sangosay", "KSP CU Serviam", "KSP Kopdit Adiguna",
};
static const char *const demo_kop_kind[] = {
	"Koperasi Produsen", "Koperasi Konsumen", "Koperasi Serba Usaha", "KSP",
	"Koperasi Pemasaran", "Koperasi Desa Merah Putih",
};
static const char *const demo_kop_word[] = {
	"Tenun Ikat", "Kopi Arabika", "Rumput Laut", "Garam Rakyat", "Madu Hutan",
	"Jagung Lestari", "Kelor Sejahtera", "Mete Mandiri", "Kakao Bersatu", "Ternak Sapi",
	"Nelayan Bahari", "Sumber Rejeki", "Karya Bersama", "Harapan Baru", "Tunas Muda",
	"Bina Usaha", "Flobamora", "Sepakat", "Cahaya Timur", "Mitra Tani",
};

static const char *const demo_first[] = {
	"Yohanes", "Maria", "Petrus", "Fransiska", "Yosef", "Agustina", "Markus", "Elisabeth",
	"Dominggus", "Martha", "Stefanus", "Theresia", "Paulus", "Yuliana", "Antonius",
	"Serlina", "Benediktus", "Imelda", "Arnoldus", "Kristina", "Ahmad", "Siti",
};
static const char *const demo_last[] = {
	"Bria", "Nahak", "Tefa", "Seran", "Manek", "Ndun", "Lake", "Nggadas", "Fanggidae",
	"Dethan", "Benu", "Kolo", "Taek", "Bere", "Haning", "Ratu", "Wadu", "Kore", "Dima",
	"Lay", "Pah", "Djami", "Mau", "Tallo",
};

static const char *const demo_umkm[] = {
	"Kelompok Tenun Ikat", "Kelompok Usaha Bersama Olahan Pangan", "Asosiasi UMKM",
	"Forum Komunikasi UMKM", "Kelompok Perajin Anyaman", "Kelompok Usaha Kopi",
};

static const char *const demo_roman[12] = {
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
};

/* ---- what they write about ---------------------------------------------------- */

/*
 * A subject: text with placeholders ({kop} cooperative, {kab} regency,
 * {year}, {prev} last year, {tw} quarter, {x} subject-specific extra), the
 * classification code, the position that normally handles it, who sends it,
 * how often it is Penting (permille) and a weight.
 */
struct demo_subject {
	const char *fmt;
	const char *code;
	const char *to;
	int         senders;
	int         penting;
	int         urgent;   /* permille Segera/Sangat Segera */
	int         weight;
	const char *index;    /* kata tangkap */
	const char *summary;  /* isi ringkas */
	const char *const *extra; /* values for {x}, NULL-terminated */
};

static const char *const x_rakor[] = {
	"Pengembangan Koperasi dan UMKM", "Pendataan Lengkap Koperasi dan UMKM",
	"Percepatan Pembentukan Koperasi Desa/Kelurahan Merah Putih",
	"Pengawasan Koperasi Simpan Pinjam", "Penyaluran Kredit Usaha Rakyat",
	"Pengendalian Inflasi Daerah", "Penyusunan Rencana Kerja Perangkat Daerah", NULL,
};
static const char *const x_edaran[] = {
	"Pelaksanaan Rapat Anggota Tahunan Tepat Waktu", "Penggunaan Aplikasi Srikandi",
	"Larangan Penerimaan Gratifikasi", "Pelaporan Koperasi melalui Online Data System",
	"Jam Kerja Aparatur Sipil Negara", "Pencegahan Praktik Rentenir Berkedok Koperasi", NULL,
};
static const char *const x_aduan[] = {
	"Simpanan yang Tidak Dapat Dicairkan", "Pembagian Sisa Hasil Usaha",
	"Penagihan Pinjaman yang Tidak Sesuai Prosedur", "Tidak Dilaksanakannya Rapat Anggota Tahunan",
	"Pemotongan Simpanan Tanpa Persetujuan Anggota", NULL,
};
static const char *const x_event[] = {
	"Pendidikan dan Pelatihan Perkoperasian", "Seminar Ekonomi Kerakyatan",
	"Bimbingan Teknis Pengelolaan Keuangan Koperasi", "Pelatihan Pemasaran Digital UMKM", NULL,
};
static const char *const x_bimtek[] = {
	"Penyusunan Laporan Keuangan Koperasi", "Pengawas Koperasi", "Sistem Informasi Koperasi",
	"Kearsipan Dinamis", "Penyusunan Standar Pelayanan", NULL,
};
static const char *const x_pameran[] = {
	"Expo UMKM NTT", "Festival Tenun Ikat Nusantara", "Gelar Produk Unggulan Daerah",
	"Pameran Koperasi dan UMKM Nasional", NULL,
};
static const char *const x_pangkat[] = { "April", "Oktober", NULL };
static const char *const x_study[] = {
	"Ekonomi Pembangunan", "Manajemen", "Akuntansi", "Administrasi Bisnis", NULL,
};

static const struct demo_subject demo_subjects[] = {
	{ "Undangan Rapat Koordinasi {x}", "500.3.9", "sekretaris",
	  SND_KEMENKOP | SND_PROV, 200, 300, 12, "Rapat Koordinasi",
	  "Undangan menghadiri rapat koordinasi; mohon menugaskan pejabat yang membidangi.", x_rakor },
	{ "Permohonan Rekomendasi Pendirian {kop}", "500.3.2.1", "kabid_kelembagaan",
	  SND_KOP, 700, 150, 8, "Pendirian Koperasi",
	  "Mohon rekomendasi Dinas sebagai kelengkapan pengesahan akta pendirian koperasi.", NULL },
	{ "Penyampaian Laporan Rapat Anggota Tahunan (RAT) Tahun Buku {prev}", "500.3.2.4",
	  "kabid_kelembagaan", SND_KOP, 300, 50, 10, "RAT",
	  "Menyampaikan buku laporan RAT beserta neraca dan perhitungan hasil usaha.", NULL },
	{ "Permohonan Data Koperasi Aktif dan UMKM {kab}", "500.3.11", "kabid_pemberdayaan",
	  SND_PROV | SND_KAB | SND_UNIV | SND_DPRD, 300, 200, 6, "Permohonan Data",
	  "Mohon data jumlah koperasi aktif, anggota dan UMKM binaan per kabupaten/kota.", NULL },
	{ "Surat Edaran tentang {x}", "100.3.4", "sekretaris",
	  SND_KEMENKOP | SND_PROV, 400, 100, 6, "Surat Edaran",
	  "Untuk diketahui dan dilaksanakan di lingkungan perangkat daerah.", x_edaran },
	{ "Pengaduan Anggota {kop} terkait {x}", "500.3.2.3", "kabid_kelembagaan",
	  SND_PERSON, 800, 500, 5, "Pengaduan",
	  "Anggota koperasi mengadukan pengurus dan mohon Dinas melakukan pemeriksaan.", x_aduan },
	{ "Permohonan Izin Pembukaan Kantor Cabang {kop}", "500.3.4.2", "kabid_kelembagaan",
	  SND_KOP, 600, 100, 4, "Izin Kantor Cabang",
	  "Mohon izin pembukaan kantor cabang; persyaratan terlampir.", NULL },
	{ "Permohonan Fasilitasi Pelatihan Kewirausahaan bagi Pelaku UMKM {kab}", "500.3.6.1",
	  "kabid_ukm", SND_KAB | SND_UMKM, 300, 100, 5, "Pelatihan UMKM",
	  "Mohon fasilitasi pelatihan kewirausahaan dan pendampingan bagi pelaku UMKM.", NULL },
	{ "Pemberitahuan Pemeriksaan atas Laporan Keuangan Pemerintah Provinsi NTT Tahun {prev}",
	  "700.1", "sekretaris", SND_BPK, 900, 700, 2, "Pemeriksaan BPK",
	  "Pemberitahuan jadwal pemeriksaan; mohon menyiapkan dokumen yang diminta.", NULL },
	{ "Permintaan Tindak Lanjut Rekomendasi Hasil Pemeriksaan Inspektorat", "700.1",
	  "sekretaris", SND_INSP, 800, 600, 3, "Tindak Lanjut LHP",
	  "Mohon menyampaikan bukti tindak lanjut rekomendasi hasil pemeriksaan.", NULL },
	{ "Undangan Rapat Dengar Pendapat dengan Komisi II DPRD", "400.14.6", "sekretaris",
	  SND_DPRD, 600, 700, 3, "RDP DPRD",
	  "Undangan rapat dengar pendapat membahas program koperasi dan UMKM.", NULL },
	{ "Usulan Bantuan Peralatan Usaha bagi Pelaku Usaha Mikro {kab}", "500.3.7.1", "kabid_ukm",
	  SND_KAB | SND_UMKM, 300, 50, 5, "Bantuan Peralatan",
	  "Mengusulkan calon penerima bantuan peralatan usaha; daftar nama terlampir.", NULL },
	{ "Permohonan Narasumber Kegiatan {x}", "000.9.10", "kabid_pemberdayaan",
	  SND_KAB | SND_UNIV | SND_KOP, 200, 300, 4, "Narasumber",
	  "Mohon kesediaan pejabat Dinas menjadi narasumber pada kegiatan dimaksud.", x_event },
	{ "Laporan Penyaluran Dana Bergulir Triwulan {tw} Tahun {year}", "500.3.4.1",
	  "kabid_pemberdayaan", SND_BANK | SND_KEMENKOP, 300, 50, 3, "Dana Bergulir",
	  "Menyampaikan realisasi penyaluran dana bergulir kepada koperasi di NTT.", NULL },
	{ "Permohonan Izin Penelitian Mahasiswa Program Studi {x}", "000.9.2", "sekretaris",
	  SND_UNIV, 100, 50, 4, "Izin Penelitian",
	  "Mohon izin pengambilan data untuk penyusunan skripsi.", x_study },
	{ "Permohonan Penerbitan Sertifikat Nomor Induk Koperasi {kop}", "500.3.2.1",
	  "kabid_kelembagaan", SND_KOP, 500, 100, 6, "Sertifikat NIK",
	  "Mohon verifikasi data dan penerbitan sertifikat NIK koperasi.", NULL },
	{ "Undangan Bimbingan Teknis {x}", "800.2", "sekretaris",
	  SND_KEMENKOP | SND_PROV, 200, 200, 4, "Bimtek",
	  "Mohon mengirimkan peserta bimbingan teknis sesuai kuota.", x_bimtek },
	{ "Penyampaian Rencana Penyaluran Kredit Usaha Rakyat Tahun {year}", "500.3.4.5",
	  "kabid_ukm", SND_BANK, 300, 50, 3, "KUR",
	  "Menyampaikan target dan rencana penyaluran KUR per kabupaten/kota.", NULL },
	{ "Usulan Calon Penerima Penghargaan Koperasi Berprestasi Tingkat Provinsi", "400.14.11",
	  "kabid_pemberdayaan", SND_KAB, 300, 100, 3, "Koperasi Berprestasi",
	  "Mengusulkan koperasi berprestasi beserta profil dan laporan keuangannya.", NULL },
	{ "Permohonan Kurasi Produk UMKM untuk {x}", "500.3.5.6", "kabid_ukm",
	  SND_UMKM | SND_KAB, 200, 200, 4, "Kurasi Produk",
	  "Mohon kurasi produk UMKM binaan untuk diikutsertakan dalam pameran.", x_pameran },
	{ "Permohonan Pengesahan Perubahan Anggaran Dasar {kop}", "500.3.2.2",
	  "kabid_kelembagaan", SND_KOP, 600, 100, 4, "Perubahan AD",
	  "Mohon pengesahan perubahan anggaran dasar hasil rapat anggota.", NULL },
	{ "Pemberitahuan Pelaksanaan Pengawasan Koperasi Simpan Pinjam di {kab}", "500.3.4.2",
	  "kabid_kelembagaan", SND_KEMENKOP | SND_BANK, 500, 300, 3, "Pengawasan KSP",
	  "Pemberitahuan jadwal pengawasan; mohon pendampingan pengawas koperasi Dinas.", NULL },
	{ "Penyampaian Laporan Perkembangan Koperasi dan UMKM Semester {sem} Tahun {year}",
	  "500.3.11", "kabid_pemberdayaan", SND_KAB, 300, 50, 5, "Laporan Perkembangan",
	  "Menyampaikan data perkembangan koperasi dan UMKM untuk bahan evaluasi.", NULL },
	{ "Undangan Musyawarah Perencanaan Pembangunan Daerah Provinsi NTT Tahun {year}",
	  "000.7.1", "sekretaris", SND_PROV, 500, 400, 1, "Musrenbang",
	  "Undangan Musrenbang; mohon membawa usulan program prioritas.", NULL },
	{ "Permohonan Pembinaan dan Pendampingan {kop}", "500.3.2.2", "kabid_pemberdayaan",
	  SND_KOP, 400, 100, 4, "Pendampingan",
	  "Mohon pembinaan manajemen dan pendampingan penyusunan laporan keuangan.", NULL },
	{ "Penyampaian Berkas Usulan Kenaikan Pangkat Pegawai Periode {x}", "800.1.11",
	  "sekretaris", SND_PROV, 300, 300, 2, "Kepegawaian",
	  "Mohon melengkapi berkas usulan kenaikan pangkat sesuai daftar terlampir.",
	  x_pangkat },
	{ "Pemberitahuan Pencairan Anggaran Triwulan {tw} Tahun {year}", "900.1", "sekretaris",
	  SND_PROV, 400, 300, 2, "Anggaran",
	  "Pemberitahuan batas waktu pengajuan SPM dan kelengkapan dokumen pencairan.", NULL },
	{ "Permohonan Klarifikasi Status Badan Hukum {kop}", "500.3.2.1", "kabid_kelembagaan",
	  SND_BANK | SND_KAB, 500, 300, 3, "Status Badan Hukum",
	  "Mohon penjelasan status badan hukum koperasi sebagai syarat kerja sama.", NULL },
};
#define DEMO_NSUBJ ((int)(sizeof demo_subjects / sizeof demo_subjects[0]))

static const char *const demo_notes[] = {
	"Mohon dipelajari dan ditindaklanjuti sesuai ketentuan",
	"Hadiri dan laporkan hasilnya",
	"Siapkan bahan dan telaahan staf",
	"Koordinasikan dengan bidang terkait",
	"Segera proses dan laporkan",
	"Siapkan konsep jawaban untuk ditandatangani",
	"Untuk diketahui dan diarsipkan",
	"Cek kelengkapan persyaratan",
};

/* Follow-up reports: general ones, and one per subject (same order as demo_subjects). */
static const char *const demo_followups[] = {
	"Telah ditindaklanjuti sesuai disposisi",
	"Sudah diproses; laporan disampaikan kepada pimpinan",
	"Sudah dikoordinasikan dengan bidang terkait",
	"Konsep jawaban sudah ditandatangani dan dikirim",
	"Bahan sudah disiapkan dan diserahkan",
	"Sudah dicatat dan diarsipkan",
};
static const char *const demo_done[] = {
	"Rapat sudah dihadiri; laporan hasil rapat terlampir",
	"Rekomendasi telah diterbitkan dan diserahkan kepada pemohon",
	"Laporan RAT sudah diperiksa dan dicatat dalam buku registrasi",
	"Data telah dikirim melalui surel",
	"Surat edaran sudah diteruskan kepada seluruh pegawai",
	"Pengadu dan pengurus telah dipanggil; masalah diselesaikan secara musyawarah",
	"Verifikasi lapangan selesai; izin dapat diproses",
	"Pelatihan dijadwalkan pada triwulan berikutnya",
	"Dokumen yang diminta sudah disiapkan dan diserahkan kepada tim pemeriksa",
	"Bukti tindak lanjut sudah disampaikan kepada Inspektorat",
	"Rapat dengar pendapat sudah dihadiri Kepala Dinas",
	"Usulan sudah diverifikasi dan dimasukkan dalam daftar calon penerima",
	"Narasumber sudah ditugaskan",
	"Laporan sudah dicatat dan direkap",
	"Surat izin penelitian sudah diterbitkan",
	"Data koperasi sudah diverifikasi; sertifikat NIK diproses",
	"Peserta bimbingan teknis sudah ditugaskan",
	"Rencana penyaluran sudah dibahas bersama perbankan",
	"Usulan sudah dinilai oleh tim",
	"Produk sudah dikurasi; hasil disampaikan kepada pemohon",
	"Perubahan anggaran dasar sudah diperiksa dan disahkan",
	"Pengawas koperasi Dinas sudah mendampingi pengawasan",
	"Laporan sudah direkap untuk bahan evaluasi",
	"Musrenbang sudah dihadiri; usulan program disampaikan",
	"Pendampingan sudah dijadwalkan bersama pengurus koperasi",
	"Berkas kenaikan pangkat sudah dilengkapi dan dikirim",
	"SPM sudah diajukan sesuai jadwal",
	"Klarifikasi status badan hukum sudah dikirim",
};
_Static_assert(sizeof demo_done / sizeof demo_done[0] == DEMO_NSUBJ, "one report per subject");

/* Where a handler usually passes each subject on (same order; NULL: any staff below). */
static const char *const demo_fwd[] = {
	"kasubag_umum", NULL, "jfpk", NULL, "kasubag_umum", "jfpk", "jfpk", NULL,
	"kasubag_keuangan", "kasubag_keuangan", "kasubag_umum", NULL, NULL, NULL, "ppid",
	NULL, "kasubag_umum", NULL, NULL, NULL, NULL, "jfpk", NULL, "kasubag_umum", NULL,
	"kasubag_umum", "kasubag_keuangan", "staf_kelembagaan",
};
_Static_assert(sizeof demo_fwd / sizeof demo_fwd[0] == DEMO_NSUBJ, "one hint per subject");

/* ---- the plan built once per run ---------------------------------------------- */

struct demo_pos {
	char *code;
	char *holder;   /* login of the person holding it, or NULL */
	int   children[16];
	int   nchildren;/* positions below it that have a holder */
};

struct demo {
	struct app         *a;
	const struct kind  *k;
	uint64_t            rng;
	day_t              *wd;       /* working days in the range, ascending */
	char              (*wd_iso)[11];
	int                 nwd;
	struct demo_pos    *pos;
	int                 npos;
	int                 top;      /* the position that disposes letters, -1 when none */
	int                 lvl1[16]; /* positions under top with a holder */
	int                 nlvl1;
	int                 subj_to[DEMO_NSUBJ]; /* index in lvl1 of each subject's handler, -1 */
	const char         *subj_code[DEMO_NSUBJ]; /* code present in the list, or NULL */
	int                 subj_total;
	char              **clerks;   /* logins with role pencatat */
	int                 nclerks;
	const char         *onbehalf_clerk; /* clerk that records paper dispositions */
	int                 has[16];  /* which optional keys the kind defines */
	struct values       v;
	struct buf          t;        /* scratch text */
};

enum { K_ISI, K_LAMPIRAN, K_KODE, K_INDEKS, K_UNIT, K_KET, K_NKEYS };
static const char *const demo_opt_keys[K_NKEYS] = {
	"isi_ringkas", "lampiran", "kode_klasifikasi", "indeks", "unit_pengolah", "keterangan",
};

static int demo_pos_find(const struct demo *d, const char *code)
{
	for (int i = 0; i < d->npos; i++)
		if (strcmp(d->pos[i].code, code) == 0)
			return i;
	return -1;
}

/* A classification code the kind's list knows: code itself or its nearest parent. */
static const char *demo_known_code(const struct kfield *f, const char *code)
{
	if (f == NULL || f->ref == NULL)
		return code;
	const struct refitem *it = reflist_find(f->ref, code);
	if (it != NULL)
		return it->code;
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s", code);
	for (char *dot = strrchr(tmp, '.'); dot != NULL; dot = strrchr(tmp, '.')) {
		*dot = '\0';
		it = reflist_find(f->ref, tmp);
		if (it != NULL)
			return it->code;
	}
	return NULL;
}

static int demo_setup(struct demo *d, struct app *a, unsigned seed, char **cause)
{
	memset(d, 0, sizeof *d);
	d->a = a;
	d->top = -1;
	d->rng = 0x42e7a1b5c3d9f00dULL ^ ((uint64_t)seed * 0x9e3779b97f4a7c15ULL);
	values_init(&d->v);
	buf_init(&d->t);

	d->k = kindset_find(&a->kinds, "surat_masuk");
	if (d->k == NULL) {
		*cause = xstrdup(_("jenis berkas surat_masuk tidak ditemukan di forms/"));
		return -1;
	}
	for (int i = 0; i < K_NKEYS; i++)
		d->has[i] = kind_field(d->k, demo_opt_keys[i]) != NULL;

	/* Working days of the last year, up to today. */
	day_t today = clock_today();
	d->wd = xcalloc(DEMO_DAYS, sizeof *d->wd);
	for (day_t day = today - DEMO_DAYS + 1; day <= today; day++)
		if (calendar_is_workday(a->cal, day))
			d->wd[d->nwd++] = day;
	if (d->nwd == 0)
		d->wd[d->nwd++] = today;
	d->wd_iso = xcalloc((size_t)d->nwd, sizeof *d->wd_iso);
	for (int i = 0; i < d->nwd; i++)
		date_fmt_iso(d->wd[i], d->wd_iso[i]);

	/* The org chart and who holds each position. */
	struct position *pos;
	size_t npos;
	if (store_positions(a->st, &pos, &npos) != 0) {
		*cause = xstrdup(_("daftar jabatan tidak dapat dibaca"));
		return -1;
	}
	d->pos = xcalloc(npos ? npos : 1, sizeof *d->pos);
	d->npos = (int)npos;
	for (size_t i = 0; i < npos; i++) {
		struct person p;
		memset(&p, 0, sizeof p);
		d->pos[i].code = xstrdup(pos[i].code);
		if (store_person_for_position(a->st, pos[i].code, &p) == 1)
			d->pos[i].holder = xstrdup(p.login);
		person_clear(&p);
	}
	for (size_t i = 0; i < npos; i++) {
		if (pos[i].parent == NULL || *pos[i].parent == '\0') {
			if (d->top < 0 || strcmp(pos[i].code, "kadis") == 0)
				d->top = (int)i;
			continue;
		}
		int pi = demo_pos_find(d, pos[i].parent);
		struct demo_pos *pp = pi >= 0 ? &d->pos[pi] : NULL;
		if (pp != NULL && d->pos[i].holder != NULL && pp->nchildren < 16)
			pp->children[pp->nchildren++] = (int)i;
	}
	positions_free(pos, npos);
	if (d->top >= 0 && d->pos[d->top].holder != NULL) {
		const struct demo_pos *t = &d->pos[d->top];
		for (int i = 0; i < t->nchildren; i++)
			d->lvl1[d->nlvl1++] = t->children[i];
	}

	/* Subjects: their handler among the first level and a known code. */
	const struct kfield *kf = kind_field(d->k, "kode_klasifikasi");
	for (int s = 0; s < DEMO_NSUBJ; s++) {
		d->subj_to[s] = -1;
		for (int j = 0; j < d->nlvl1; j++)
			if (strcmp(d->pos[d->lvl1[j]].code, demo_subjects[s].to) == 0)
				d->subj_to[s] = j;
		d->subj_code[s] = demo_known_code(kf, demo_subjects[s].code);
		d->subj_total += demo_subjects[s].weight;
	}

	/* Clerks: people with role pencatat; the arsiparis records paper dispositions. */
	struct person *pp;
	size_t np;
	if (store_people(a->st, &pp, &np) == 0) {
		d->clerks = xcalloc(np ? np : 1, sizeof *d->clerks);
		for (size_t i = 0; i < np; i++) {
			if (!person_has_role(&pp[i], "pencatat"))
				continue;
			d->clerks[d->nclerks] = xstrdup(pp[i].login);
			if (d->onbehalf_clerk == NULL ||
			    (pp[i].position && strcmp(pp[i].position, "arsiparis") == 0))
				d->onbehalf_clerk = d->clerks[d->nclerks];
			d->nclerks++;
		}
		people_free(pp, np);
	}
	if (d->nclerks == 0) {
		free(d->clerks);
		d->clerks = xcalloc(1, sizeof *d->clerks);
		d->clerks[d->nclerks++] = xstrdup(app_login());
		if (a->me_known && (person_has_role(&a->me, "pencatat") ||
				    person_has_role(&a->me, "admin")))
			d->onbehalf_clerk = d->clerks[0];
	}
	return 0;
}

static void demo_free(struct demo *d)
{
	for (int i = 0; i < d->npos; i++) {
		free(d->pos[i].code);
		free(d->pos[i].holder);
	}
	free(d->pos);
	for (int i = 0; i < d->nclerks; i++)
		free(d->clerks[i]);
	free(d->clerks);
	free(d->wd);
	free(d->wd_iso);
	values_free(&d->v);
	buf_free(&d->t);
}

/* ---- one letter ------------------------------------------------------------------ */

/* The sender's name and the short code used in its letter numbers. */
static void demo_sender(struct demo *d, int mask, int kab, char **name, const char **abbr,
			char **kop)
{
	int pick[SND_COUNT], n = 0;
	for (int b = 0; b < SND_COUNT; b++)
		if (mask & (1 << b))
			pick[n++] = 1 << b;
	int snd = n ? pick[demo_int(&d->rng, n)] : SND_PROV;
	const char *place = demo_kab[kab].place;

	/* Every letter may name a cooperative in its subject. */
	if (demo_chance(&d->rng, 150))
		*kop = xstrdup(DEMO_PICK(&d->rng, demo_kop_known));
	else
		*kop = xasprintf("%s %s %s", DEMO_PICK(&d->rng, demo_kop_kind),
				 DEMO_PICK(&d->rng, demo_kop_word), place);

	switch (snd) {
	case SND_KEMENKOP: {
		int i = demo_int(&d->rng, (int)(sizeof demo_kemenkop / sizeof demo_kemenkop[0]));
		*name = xstrdup(demo_kemenkop[i].name);
		*abbr = demo_kemenkop[i].abbr;
		break;
	}
	case SND_PROV: {
		int i = demo_int(&d->rng, (int)(sizeof demo_prov / sizeof demo_prov[0]));
		*name = xstrdup(demo_prov[i].name);
		*abbr = demo_prov[i].abbr;
		break;
	}
	case SND_KAB:
		*abbr = demo_kab[kab].abbr;
		switch (demo_int(&d->rng, 3)) {
		case 0:
			*name = strncmp(demo_kab[kab].name, "Kota ", 5) == 0
				? xasprintf("Wali Kota %s", demo_kab[kab].name + 5)
				: xasprintf("Bupati %s", place);
			break;
		case 1:
			*name = xasprintf("Dinas Koperasi dan Usaha Kecil Menengah %s",
					  demo_kab[kab].name);
			break;
		default:
			*name = xasprintf("Dinas Koperasi, Perindustrian dan Perdagangan %s",
					  demo_kab[kab].name);
			break;
		}
		break;
	case SND_KOP:
		*name = xstrdup(*kop);
		*abbr = "KOP";
		break;
	case SND_BPK:
		*name = xstrdup("BPK RI Perwakilan Provinsi Nusa Tenggara Timur");
		*abbr = "BPK";
		break;
	case SND_INSP:
		*name = xstrdup("Inspektorat Daerah Provinsi Nusa Tenggara Timur");
		*abbr = "INSP";
		break;
	case SND_DPRD:
		*name = xstrdup(DEMO_PICK(&d->rng, demo_dprd));
		*abbr = "DPRD";
		break;
	case SND_BANK: {
		int i = demo_int(&d->rng, (int)(sizeof demo_bank / sizeof demo_bank[0]));
		*name = xstrdup(demo_bank[i].name);
		*abbr = demo_bank[i].abbr;
		break;
	}
	case SND_UNIV:
		*name = xstrdup(DEMO_PICK(&d->rng, demo_univ));
		*abbr = "UN";
		break;
	case SND_PERSON:
		*name = xasprintf("%s %s (anggota %s)", DEMO_PICK(&d->rng, demo_first),
				  DEMO_PICK(&d->rng, demo_last), *kop);
		*abbr = NULL;
		break;
	default:
		*name = xasprintf("%s %s", DEMO_PICK(&d->rng, demo_umkm), place);
		*abbr = "UMKM";
		break;
	}
}

/* Expands a subject template into d->t. */
static void demo_subject_text(struct demo *d, const struct demo_subject *s, const char *kop,
			      int kab, int year, int month)
{
	d->t.len = 0;
	buf_add(&d->t, "", 0);
	for (const char *p = s->fmt; *p; ) {
		if (*p != '{') {
			size_t n = strcspn(p, "{");
			buf_add(&d->t, p, n);
			p += n;
			continue;
		}
		size_t n = strcspn(p, "}");
		if (strncmp(p, "{kop}", 5) == 0) {
			buf_adds(&d->t, kop);
		} else if (strncmp(p, "{kab}", 5) == 0) {
			buf_adds(&d->t, demo_kab[kab].name);
		} else if (strncmp(p, "{year}", 6) == 0) {
			buf_printf(&d->t, "%d", year);
		} else if (strncmp(p, "{prev}", 6) == 0) {
			buf_printf(&d->t, "%d", year - 1);
		} else if (strncmp(p, "{tw}", 4) == 0) {
			buf_adds(&d->t, demo_roman[(month - 1) / 3]);
		} else if (strncmp(p, "{sem}", 5) == 0) {
			buf_adds(&d->t, month <= 6 ? "I" : "II");
		} else if (strncmp(p, "{x}", 3) == 0 && s->extra != NULL) {
			int m = 0;
			while (s->extra[m] != NULL)
				m++;
			buf_adds(&d->t, s->extra[demo_int(&d->rng, m)]);
		}
		p += n + (p[n] == '}');
	}
}

static const char *demo_weighted(uint64_t *rng, const char *const *v, const int *w, int n)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += w[i];
	int r = demo_int(rng, total);
	for (int i = 0; i < n; i++) {
		if (r < w[i])
			return v[i];
		r -= w[i];
	}
	return v[n - 1];
}

/* Open disposition of case to position pos: its id in out, 0; -1 when none. */
static int demo_open_dispo(struct demo *d, const char *case_id, const char *pos, char out[37])
{
	struct dispo *ds;
	size_t n;
	if (store_dispos_for(d->a->st, case_id, pos, &ds, &n) != 0)
		return -1;
	int r = -1;
	if (n > 0) {
		memcpy(out, ds[0].id, 37);
		r = 0;
	}
	dispos_free(ds, n);
	return r;
}

/* How far a recipient got: 0 new, 1 read, 2 forwarded (child new), 3 forwarded and
 * child read, 4 done (forwarded when possible). */
enum { ST_NEW, ST_READ, ST_FWD, ST_FWD_READ, ST_DONE };

static int demo_recipient(struct demo *d, const char *case_id, const char *top_id, int r,
			  int stage, const char *deadline, int si, char **cause)
{
	const char *report = demo_chance(&d->rng, 700) ? demo_done[si]
						      : DEMO_PICK(&d->rng, demo_followups);
	struct store *st = d->a->st;
	const struct demo_pos *p = &d->pos[r];
	if (stage == ST_NEW)
		return 0;
	/* Officials often report without marking read first; saves a write too. */
	if ((stage != ST_DONE || demo_chance(&d->rng, 300)) &&
	    store_dispo_read(st, top_id, p->holder, cause) != 0)
		return -1;
	if (stage == ST_READ || (stage != ST_DONE && p->nchildren == 0))
		return 0;

	int fwd = p->nchildren > 0 && (stage != ST_DONE || demo_chance(&d->rng, 300));
	if (!fwd) {
		const char *who = p->holder, *behalf = NULL;
		if (d->onbehalf_clerk != NULL && demo_chance(&d->rng, 150)) {
			who = d->onbehalf_clerk;
			behalf = p->holder;
		}
		return store_dispo_followup(st, top_id, report, who, behalf, cause);
	}
	int ci = p->children[demo_int(&d->rng, p->nchildren)];
	if (demo_fwd[si] != NULL && demo_chance(&d->rng, 700))
		for (int j = 0; j < p->nchildren; j++)
			if (strcmp(d->pos[p->children[j]].code, demo_fwd[si]) == 0)
				ci = p->children[j];
	const struct demo_pos *c = &d->pos[ci];
	const char *to[1] = { c->code };
	if (store_dispose(st, case_id, top_id, p->code, to, 1,
			  d->a->cfg.n_instructions ? d->a->cfg.instructions[
				  demo_int(&d->rng, (int)d->a->cfg.n_instructions)] : NULL,
			  DEMO_PICK(&d->rng, demo_notes), deadline, p->holder, NULL, cause) != 0)
		return -1;
	if (stage == ST_FWD)
		return 0;
	char cid[37];
	if (demo_open_dispo(d, case_id, c->code, cid) != 0)
		return 0;
	if ((stage != ST_DONE || demo_chance(&d->rng, 300)) &&
	    store_dispo_read(st, cid, c->holder, cause) != 0)
		return -1;
	if (stage == ST_FWD_READ)
		return 0;
	return store_dispo_followup(st, cid, report, c->holder, NULL, cause);
}

/* Inserts letter i of n (received on working day wi) with its dispositions. */
static int demo_one(struct demo *d, long i, long n, char **cause)
{
	struct app *a = d->a;
	uint64_t *rng = &d->rng;
	int wi = (int)((i * (long long)d->nwd) / n);
	day_t recv = d->wd[wi];
	int age = d->nwd - 1 - wi; /* working days since it arrived */

	/* Subject, sender, numbers. */
	int r = demo_int(rng, d->subj_total), si = 0;
	while (r >= demo_subjects[si].weight) {
		r -= demo_subjects[si].weight;
		si++;
	}
	const struct demo_subject *s = &demo_subjects[si];
	int kab = demo_int(rng, DEMO_NKAB);
	char *sender = NULL, *kop = NULL;
	const char *abbr = NULL;
	demo_sender(d, s->senders, kab, &sender, &abbr, &kop);

	day_t ldate = calendar_add_workdays(a->cal, recv, -demo_int(rng, 8));
	int ly, lm, ld;
	date_to_ymd(ldate, &ly, &lm, &ld);
	char ldate_iso[11];
	date_fmt_iso(ldate, ldate_iso);

	values_free(&d->v);
	values_init(&d->v);
	values_set(&d->v, "tanggal_diterima", d->wd_iso[wi]);
	values_set(&d->v, "asal_surat", sender);
	values_set(&d->v, "tanggal_surat", ldate_iso);

	const char *code = d->subj_code[si];
	char prefix[16];
	snprintf(prefix, sizeof prefix, "%s", code ? code : s->code);
	char *dot = strchr(prefix, '.');
	if (dot != NULL && (dot = strchr(dot + 1, '.')) != NULL)
		*dot = '\0'; /* two levels, "500.3" */
	int seq = 1 + demo_int(rng, 40 + lm * 150);
	d->t.len = 0;
	buf_add(&d->t, "", 0);
	if (abbr == NULL)
		buf_adds(&d->t, "-");
	else if (s->senders & SND_KEMENKOP && demo_chance(rng, 500))
		buf_printf(&d->t, "B-%d/%s/%s/%s/%d", seq, abbr, prefix, demo_roman[lm - 1], ly);
	else if (strcmp(abbr, "KOP") == 0)
		buf_printf(&d->t, "%03d/KOP-%s/%s/%d", seq, demo_kab[kab].abbr,
			   demo_roman[lm - 1], ly);
	else
		buf_printf(&d->t, "%s/%d/%s/%d", prefix, seq, abbr, ly);
	values_set(&d->v, "nomor_surat", d->t.s);

	demo_subject_text(d, s, kop, kab, ly, lm);
	values_set(&d->v, "perihal", d->t.s);

	static const char *const sifat[] = { "Biasa", "Terbatas", "Rahasia", "Sangat Rahasia" };
	static const int sifat_w[] = { 850, 100, 40, 10 };
	static const int sifat_audit_w[] = { 300, 400, 250, 50 };
	const char *sf = demo_weighted(rng, sifat, (s->senders & (SND_BPK | SND_INSP))
				       ? sifat_audit_w : sifat_w, 4);
	values_set(&d->v, "sifat", sf);
	const char *urg = "Biasa";
	if (demo_chance(rng, s->urgent))
		urg = demo_chance(rng, 250) ? "Sangat Segera" : "Segera";
	values_set(&d->v, "urgensi", urg);
	int penting = demo_chance(rng, s->penting);
	values_set(&d->v, "penting", penting ? "P" : "B");

	if (d->has[K_KODE] && code != NULL)
		values_set(&d->v, "kode_klasifikasi", code);
	if (d->has[K_INDEKS]) {
		d->t.len = 0;
		buf_add(&d->t, "", 0);
		buf_printf(&d->t, "%s %s", s->index, demo_kab[kab].place);
		values_set(&d->v, "indeks", d->t.s);
	}
	if (d->has[K_ISI] && (penting || demo_chance(rng, 400)))
		values_set(&d->v, "isi_ringkas", s->summary);
	if (d->has[K_LAMPIRAN]) {
		int l = demo_int(rng, 10);
		if (l < 5)
			values_set(&d->v, "lampiran", "1 (satu) berkas");
		else if (l < 7)
			values_set(&d->v, "lampiran", "2 (dua) lembar");
	}

	/* Who will handle it: the subject's position, sometimes a second one. */
	int nto = 0, to_idx[2];
	if (d->nlvl1 > 0) {
		to_idx[nto++] = d->subj_to[si] >= 0 ? d->subj_to[si] : demo_int(rng, d->nlvl1);
		if (d->nlvl1 > 1 && demo_chance(rng, 250)) {
			int o = demo_int(rng, d->nlvl1 - 1);
			to_idx[nto++] = o >= to_idx[0] ? o + 1 : o;
		}
	}
	if (d->has[K_UNIT] && nto > 0 && demo_chance(rng, 700)) {
		const struct kfield *uf = kind_field(d->k, "unit_pengolah");
		const char *uc = d->pos[d->lvl1[to_idx[0]]].code;
		if (uf->ref == NULL || reflist_find(uf->ref, uc) != NULL)
			values_set(&d->v, "unit_pengolah", uc);
	}
	if (d->has[K_KET] && demo_chance(rng, 40))
		values_set(&d->v, "keterangan", "Surat asli diterima melalui ekspedisi; salinan melalui surel");

	int u = urgency_from_label(urg);
	char deadline[11];
	date_fmt_iso(calendar_add_workdays(a->cal, recv, a->cfg.deadline_days[u < 0 ? 0 : u]),
		     deadline);

	free(sender);
	free(kop);

	struct case_rec c;
	memset(&c, 0, sizeof c);
	const char *clerk = d->clerks[demo_int(rng, d->nclerks)];
	if (store_case_insert(a->st, d->k, &d->v, clerk, deadline, &c, cause) != 0)
		return -1;

	/* Dispositions: recent letters wait, older ones are mostly done. */
	int rc = 0;
	int undisposed = (age < 15 && demo_chance(rng, 800 - 40 * age)) || demo_chance(rng, 15);
	if (nto == 0 || d->top < 0 || undisposed)
		goto out;

	const struct demo_pos *top = &d->pos[d->top];
	const char *to[2];
	for (int j = 0; j < nto; j++)
		to[j] = d->pos[d->lvl1[to_idx[j]]].code;
	char instr[256] = "";
	if (a->cfg.n_instructions > 0) {
		int i1 = demo_int(rng, (int)a->cfg.n_instructions);
		int i2 = demo_int(rng, (int)a->cfg.n_instructions);
		if (i2 != i1 && demo_chance(rng, 400))
			snprintf(instr, sizeof instr, "%s; %s", a->cfg.instructions[i1],
				 a->cfg.instructions[i2]);
		else
			snprintf(instr, sizeof instr, "%s", a->cfg.instructions[i1]);
	}
	char dl[11];
	date_fmt_iso(calendar_add_workdays(a->cal, recv, a->cfg.deadline_days[u < 0 ? 0 : u] +
					   demo_int(rng, 6)), dl);
	const char *actor = top->holder, *behalf = NULL;
	if (d->onbehalf_clerk != NULL && demo_chance(rng, 400)) {
		actor = d->onbehalf_clerk;
		behalf = top->holder;
	}
	if (store_dispose(a->st, c.id, NULL, top->code, to, (size_t)nto, instr[0] ? instr : NULL,
			  demo_chance(rng, 600) ? DEMO_PICK(rng, demo_notes) : NULL, dl, actor,
			  behalf, cause) != 0) {
		rc = -1;
		goto out;
	}

	/* Stages per recipient. */
	int done_pm = age > 20 ? 950 : age > 5 ? 600 : 150;
	int stage[2];
	int any = 0;
	for (int j = 0; j < nto; j++) {
		if (demo_chance(rng, done_pm))
			stage[j] = ST_DONE;
		else
			stage[j] = demo_int(rng, ST_DONE);
		any |= stage[j] != ST_NEW;
	}
	if (!any)
		goto out;
	for (int j = 0; j < nto; j++) {
		char tid[37];
		if (stage[j] == ST_NEW || demo_open_dispo(d, c.id, to[j], tid) != 0)
			continue;
		if (demo_recipient(d, c.id, tid, d->lvl1[to_idx[j]], stage[j], dl, si, cause) != 0) {
			rc = -1;
			goto out;
		}
	}
out:
	case_clear(&c);
	return rc;
}

/* ---- the program clock ---------------------------------------------------------- */

void demo_clock_save(struct demo_clock *c)
{
	const char *v = getenv("BERKAS_NOW");
	c->saved = v != NULL ? xstrdup(v) : NULL;
}

void demo_clock_at(day_t day, int minute)
{
	char iso[11], when[32];
	if (minute < 0)
		minute = 0;
	if (minute > 23 * 60 + 59)
		minute = 23 * 60 + 59;
	date_fmt_iso(day, iso);
	snprintf(when, sizeof when, "%sT%02d:%02d", iso, minute / 60, minute % 60);
	setenv("BERKAS_NOW", when, 1);
}

/* Puts the saved clock back, keeping it saved. */
static void demo_clock_put(const struct demo_clock *c)
{
	if (c->saved != NULL)
		setenv("BERKAS_NOW", c->saved, 1);
	else
		unsetenv("BERKAS_NOW");
}

void demo_clock_restore(struct demo_clock *c)
{
	demo_clock_put(c);
	free(c->saved);
	c->saved = NULL;
}

/* ---- a letter that brings a service request ------------------------------------ */

/* Registers x as the clerk would at its time, and the Kepala Dinas disposes
 * it to its handler; the program clock is moved for both (the caller puts it
 * back). */
static int demo_extra_one(struct demo *d, struct demo_letter *x, char **cause)
{
	struct app *a = d->a;
	char iso[11];

	values_free(&d->v);
	values_init(&d->v);
	date_fmt_iso(x->day, iso);
	values_set(&d->v, "tanggal_diterima", iso);
	values_set(&d->v, "asal_surat", x->sender);
	values_set(&d->v, "nomor_surat", x->letter_no);
	date_fmt_iso(x->letter_day, iso);
	values_set(&d->v, "tanggal_surat", iso);
	values_set(&d->v, "perihal", x->subject);
	values_set(&d->v, "sifat", "Biasa");
	values_set(&d->v, "urgensi", "Biasa");
	values_set(&d->v, "penting", "P");
	if (d->has[K_KODE] && x->code != NULL) {
		const char *code = demo_known_code(kind_field(d->k, "kode_klasifikasi"), x->code);
		if (code != NULL)
			values_set(&d->v, "kode_klasifikasi", code);
	}
	if (d->has[K_INDEKS] && x->index != NULL)
		values_set(&d->v, "indeks", x->index);
	if (d->has[K_ISI] && x->summary != NULL)
		values_set(&d->v, "isi_ringkas", x->summary);
	if (d->has[K_LAMPIRAN])
		values_set(&d->v, "lampiran", "1 (satu) berkas");
	char deadline[11];
	date_fmt_iso(calendar_add_workdays(a->cal, x->day, a->cfg.deadline_days[0]), deadline);

	demo_clock_at(x->day, x->minute);
	struct case_rec c;
	memset(&c, 0, sizeof c);
	const char *clerk = d->onbehalf_clerk ? d->onbehalf_clerk : d->clerks[0];
	if (store_case_insert(a->st, d->k, &d->v, clerk, deadline, &c, cause) != 0)
		return -1;
	snprintf(x->number, sizeof x->number, "%s", c.number_text ? c.number_text : "");
	snprintf(x->id, sizeof x->id, "%s", c.id);
	case_clear(&c);

	if (x->dispo_day == 0 || x->handler == NULL || d->top < 0 || d->pos[d->top].holder == NULL)
		return 0;
	const struct demo_pos *top = &d->pos[d->top];
	const char *to[1] = { x->handler };
	demo_clock_at(x->dispo_day, x->dispo_minute);
	date_fmt_iso(calendar_add_workdays(a->cal, x->dispo_day, a->cfg.deadline_days[0]), deadline);
	return store_dispose(a->st, x->id, NULL, top->code, to, 1, "proses lebih lanjut", x->note,
			     deadline, top->holder, NULL, cause);
}

int demo_letters(struct app *a, long n, unsigned seed,
		 void (*progress)(double done, void *ctx), void *ctx, char **cause)
{
	return demo_letters_with(a, n, seed, NULL, 0, progress, ctx, cause);
}

int demo_letters_with(struct app *a, long n, unsigned seed, struct demo_letter *extra,
		      size_t nextra, void (*progress)(double done, void *ctx), void *ctx,
		      char **cause)
{
	struct demo d;
	if (n < 0)
		n = 0;
	if (n == 0 && nextra == 0)
		return 0;
	if (demo_setup(&d, a, seed, cause) != 0) {
		demo_free(&d);
		return -1;
	}
	int rc = 0;
	char *why = NULL;
	struct demo_clock clk;
	demo_clock_save(&clk);
	/* each batch writes the FTS and inbox rows of its letters at its commit */
	if (store_bulk_begin(a->st, &why) != 0) {
		*cause = why;
		demo_clock_restore(&clk);
		demo_free(&d);
		return -1;
	}
	long j = 0;
	size_t xi = 0;
	while ((j < n || xi < nextra) && rc == 0) {
		if (store_begin(a->st, &why) != 0) {
			rc = -1;
			break;
		}
		for (long b = 0; b < DEMO_BATCH && (j < n || xi < nextra); b++) {
			/* a service letter goes before the demo letters of later days */
			day_t next = j < n ? d.wd[(int)((j * (long long)d.nwd) / n)] : 0;
			if (xi < nextra && (j >= n || extra[xi].day <= next)) {
				int r = demo_extra_one(&d, &extra[xi], &why);
				demo_clock_put(&clk); /* the demo letters keep the caller's */
				if (r != 0) {
					char *m = xasprintf(_("surat masuk layanan demo ke-%zu: %s"),
							    xi + 1, why ? why : "?");
					free(why);
					why = m;
					rc = -1;
					break;
				}
				xi++;
				continue;
			}
			if (demo_one(&d, j, n, &why) != 0) {
				char *m = xasprintf(_("surat demo ke-%ld: %s"), j + 1,
						    why ? why : "?");
				free(why);
				why = m;
				rc = -1;
				break;
			}
			j++;
			if (progress != NULL && j % 1000 == 0)
				progress((double)j / (double)n, ctx);
		}
		if (rc != 0) {
			store_rollback(a->st);
			break;
		}
		if (store_commit(a->st, &why) != 0)
			rc = -1;
	}
	demo_clock_restore(&clk);
	char *end_why = NULL;
	if (store_bulk_end(a->st, &end_why) != 0) {
		if (rc == 0) {
			why = end_why;
			rc = -1;
		} else {
			free(end_why);
		}
	}
	if (rc == 0 && progress != NULL && n > 0)
		progress(1.0, ctx);
	if (rc != 0)
		*cause = why ? why : xstrdup(_("data demo gagal dibuat"));
	demo_free(&d);
	return rc;
}
