package dev.archbench.workloads.web.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A P-256 key and a self-signed certificate for {@code localhost}/127.0.0.1, made in memory at start
 * (nothing on disk, nothing to leak). BouncyCastle only builds the certificate; keys, signatures and
 * TLS itself stay with the JDK or BoringSSL.
 */
public record SelfSignedTls(KeyPair keyPair, X509Certificate certificate) {

  public static SelfSignedTls generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair kp = g.generateKeyPair();
      X500Name name = new X500Name("CN=localhost");
      Instant now = Instant.now();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(Duration.ofDays(30))), name, kp.getPublic());
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      X509Certificate cert = new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
      return new SelfSignedTls(kp, cert);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot generate the self-signed certificate: " + e, e);
    }
  }

  /** Server side, TLS 1.3 only. */
  public SslContext serverContext(TlsMode mode) throws SSLException {
    return SslContextBuilder.forServer(keyPair.getPrivate(), certificate)
        .sslProvider(mode.provider()).protocols("TLSv1.3").build();
  }

  /** Client side, trusting exactly this certificate, TLS 1.3 only. */
  public SslContext clientContext(TlsMode mode) throws SSLException {
    return SslContextBuilder.forClient().trustManager(certificate)
        .sslProvider(mode.provider()).protocols("TLSv1.3").build();
  }
}
