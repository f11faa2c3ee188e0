/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Capture;
import io.mechanist.model.MechanistPackage;
import io.mechanist.model.Provenance;
import io.mechanist.model.StoredVector;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Stored Vector</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getSiteId <em>Site Id</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getDimension <em>Dimension</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getMethod <em>Method</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getNorm <em>Norm</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getFile <em>File</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getTensorName <em>Tensor Name</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getSha256 <em>Sha256</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getSourceCapture <em>Source Capture</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getSourceResult <em>Source Result</em>}</li>
 *   <li>{@link io.mechanist.model.impl.StoredVectorImpl#getProvenance <em>Provenance</em>}</li>
 * </ul>
 *
 * @generated
 */
public class StoredVectorImpl extends IdentifiedImpl implements StoredVector {
	/**
	 * The default value of the '{@link #getSiteId() <em>Site Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSiteId()
	 * @generated
	 * @ordered
	 */
	protected static final String SITE_ID_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSiteId() <em>Site Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSiteId()
	 * @generated
	 * @ordered
	 */
	protected String siteId = SITE_ID_EDEFAULT;

	/**
	 * The default value of the '{@link #getDimension() <em>Dimension</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDimension()
	 * @generated
	 * @ordered
	 */
	protected static final int DIMENSION_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getDimension() <em>Dimension</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDimension()
	 * @generated
	 * @ordered
	 */
	protected int dimension = DIMENSION_EDEFAULT;

	/**
	 * The default value of the '{@link #getMethod() <em>Method</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMethod()
	 * @generated
	 * @ordered
	 */
	protected static final String METHOD_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getMethod() <em>Method</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMethod()
	 * @generated
	 * @ordered
	 */
	protected String method = METHOD_EDEFAULT;

	/**
	 * The default value of the '{@link #getNorm() <em>Norm</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNorm()
	 * @generated
	 * @ordered
	 */
	protected static final double NORM_EDEFAULT = 0.0;

	/**
	 * The cached value of the '{@link #getNorm() <em>Norm</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNorm()
	 * @generated
	 * @ordered
	 */
	protected double norm = NORM_EDEFAULT;

	/**
	 * The default value of the '{@link #getFile() <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFile()
	 * @generated
	 * @ordered
	 */
	protected static final String FILE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFile() <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFile()
	 * @generated
	 * @ordered
	 */
	protected String file = FILE_EDEFAULT;

	/**
	 * The default value of the '{@link #getTensorName() <em>Tensor Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTensorName()
	 * @generated
	 * @ordered
	 */
	protected static final String TENSOR_NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTensorName() <em>Tensor Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTensorName()
	 * @generated
	 * @ordered
	 */
	protected String tensorName = TENSOR_NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getSha256() <em>Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSha256()
	 * @generated
	 * @ordered
	 */
	protected static final String SHA256_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSha256() <em>Sha256</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSha256()
	 * @generated
	 * @ordered
	 */
	protected String sha256 = SHA256_EDEFAULT;

	/**
	 * The cached value of the '{@link #getSourceCapture() <em>Source Capture</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceCapture()
	 * @generated
	 * @ordered
	 */
	protected Capture sourceCapture;

	/**
	 * The cached value of the '{@link #getSourceResult() <em>Source Result</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceResult()
	 * @generated
	 * @ordered
	 */
	protected AnalysisResult sourceResult;

	/**
	 * The cached value of the '{@link #getProvenance() <em>Provenance</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getProvenance()
	 * @generated
	 * @ordered
	 */
	protected Provenance provenance;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected StoredVectorImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.STORED_VECTOR;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSiteId() {
		return siteId;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSiteId(String newSiteId) {
		String oldSiteId = siteId;
		siteId = newSiteId;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__SITE_ID, oldSiteId, siteId));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getDimension() {
		return dimension;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDimension(int newDimension) {
		int oldDimension = dimension;
		dimension = newDimension;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__DIMENSION, oldDimension, dimension));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getMethod() {
		return method;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMethod(String newMethod) {
		String oldMethod = method;
		method = newMethod;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__METHOD, oldMethod, method));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public double getNorm() {
		return norm;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNorm(double newNorm) {
		double oldNorm = norm;
		norm = newNorm;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__NORM, oldNorm, norm));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFile() {
		return file;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFile(String newFile) {
		String oldFile = file;
		file = newFile;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__FILE, oldFile, file));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTensorName() {
		return tensorName;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTensorName(String newTensorName) {
		String oldTensorName = tensorName;
		tensorName = newTensorName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__TENSOR_NAME, oldTensorName, tensorName));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSha256() {
		return sha256;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSha256(String newSha256) {
		String oldSha256 = sha256;
		sha256 = newSha256;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__SHA256, oldSha256, sha256));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Capture getSourceCapture() {
		if (sourceCapture != null && sourceCapture.eIsProxy()) {
			InternalEObject oldSourceCapture = (InternalEObject)sourceCapture;
			sourceCapture = (Capture)eResolveProxy(oldSourceCapture);
			if (sourceCapture != oldSourceCapture) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MechanistPackage.STORED_VECTOR__SOURCE_CAPTURE, oldSourceCapture, sourceCapture));
			}
		}
		return sourceCapture;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Capture basicGetSourceCapture() {
		return sourceCapture;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceCapture(Capture newSourceCapture) {
		Capture oldSourceCapture = sourceCapture;
		sourceCapture = newSourceCapture;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__SOURCE_CAPTURE, oldSourceCapture, sourceCapture));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public AnalysisResult getSourceResult() {
		if (sourceResult != null && sourceResult.eIsProxy()) {
			InternalEObject oldSourceResult = (InternalEObject)sourceResult;
			sourceResult = (AnalysisResult)eResolveProxy(oldSourceResult);
			if (sourceResult != oldSourceResult) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, MechanistPackage.STORED_VECTOR__SOURCE_RESULT, oldSourceResult, sourceResult));
			}
		}
		return sourceResult;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public AnalysisResult basicGetSourceResult() {
		return sourceResult;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceResult(AnalysisResult newSourceResult) {
		AnalysisResult oldSourceResult = sourceResult;
		sourceResult = newSourceResult;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__SOURCE_RESULT, oldSourceResult, sourceResult));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Provenance getProvenance() {
		return provenance;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetProvenance(Provenance newProvenance, NotificationChain msgs) {
		Provenance oldProvenance = provenance;
		provenance = newProvenance;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__PROVENANCE, oldProvenance, newProvenance);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setProvenance(Provenance newProvenance) {
		if (newProvenance != provenance) {
			NotificationChain msgs = null;
			if (provenance != null)
				msgs = ((InternalEObject)provenance).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.STORED_VECTOR__PROVENANCE, null, msgs);
			if (newProvenance != null)
				msgs = ((InternalEObject)newProvenance).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - MechanistPackage.STORED_VECTOR__PROVENANCE, null, msgs);
			msgs = basicSetProvenance(newProvenance, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.STORED_VECTOR__PROVENANCE, newProvenance, newProvenance));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MechanistPackage.STORED_VECTOR__PROVENANCE:
				return basicSetProvenance(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.STORED_VECTOR__SITE_ID:
				return getSiteId();
			case MechanistPackage.STORED_VECTOR__DIMENSION:
				return getDimension();
			case MechanistPackage.STORED_VECTOR__METHOD:
				return getMethod();
			case MechanistPackage.STORED_VECTOR__NORM:
				return getNorm();
			case MechanistPackage.STORED_VECTOR__FILE:
				return getFile();
			case MechanistPackage.STORED_VECTOR__TENSOR_NAME:
				return getTensorName();
			case MechanistPackage.STORED_VECTOR__SHA256:
				return getSha256();
			case MechanistPackage.STORED_VECTOR__SOURCE_CAPTURE:
				if (resolve) return getSourceCapture();
				return basicGetSourceCapture();
			case MechanistPackage.STORED_VECTOR__SOURCE_RESULT:
				if (resolve) return getSourceResult();
				return basicGetSourceResult();
			case MechanistPackage.STORED_VECTOR__PROVENANCE:
				return getProvenance();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.STORED_VECTOR__SITE_ID:
				setSiteId((String)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__DIMENSION:
				setDimension((Integer)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__METHOD:
				setMethod((String)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__NORM:
				setNorm((Double)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__FILE:
				setFile((String)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__TENSOR_NAME:
				setTensorName((String)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__SHA256:
				setSha256((String)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__SOURCE_CAPTURE:
				setSourceCapture((Capture)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__SOURCE_RESULT:
				setSourceResult((AnalysisResult)newValue);
				return;
			case MechanistPackage.STORED_VECTOR__PROVENANCE:
				setProvenance((Provenance)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.STORED_VECTOR__SITE_ID:
				setSiteId(SITE_ID_EDEFAULT);
				return;
			case MechanistPackage.STORED_VECTOR__DIMENSION:
				setDimension(DIMENSION_EDEFAULT);
				return;
			case MechanistPackage.STORED_VECTOR__METHOD:
				setMethod(METHOD_EDEFAULT);
				return;
			case MechanistPackage.STORED_VECTOR__NORM:
				setNorm(NORM_EDEFAULT);
				return;
			case MechanistPackage.STORED_VECTOR__FILE:
				setFile(FILE_EDEFAULT);
				return;
			case MechanistPackage.STORED_VECTOR__TENSOR_NAME:
				setTensorName(TENSOR_NAME_EDEFAULT);
				return;
			case MechanistPackage.STORED_VECTOR__SHA256:
				setSha256(SHA256_EDEFAULT);
				return;
			case MechanistPackage.STORED_VECTOR__SOURCE_CAPTURE:
				setSourceCapture((Capture)null);
				return;
			case MechanistPackage.STORED_VECTOR__SOURCE_RESULT:
				setSourceResult((AnalysisResult)null);
				return;
			case MechanistPackage.STORED_VECTOR__PROVENANCE:
				setProvenance((Provenance)null);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.STORED_VECTOR__SITE_ID:
				return SITE_ID_EDEFAULT == null ? siteId != null : !SITE_ID_EDEFAULT.equals(siteId);
			case MechanistPackage.STORED_VECTOR__DIMENSION:
				return dimension != DIMENSION_EDEFAULT;
			case MechanistPackage.STORED_VECTOR__METHOD:
				return METHOD_EDEFAULT == null ? method != null : !METHOD_EDEFAULT.equals(method);
			case MechanistPackage.STORED_VECTOR__NORM:
				return norm != NORM_EDEFAULT;
			case MechanistPackage.STORED_VECTOR__FILE:
				return FILE_EDEFAULT == null ? file != null : !FILE_EDEFAULT.equals(file);
			case MechanistPackage.STORED_VECTOR__TENSOR_NAME:
				return TENSOR_NAME_EDEFAULT == null ? tensorName != null : !TENSOR_NAME_EDEFAULT.equals(tensorName);
			case MechanistPackage.STORED_VECTOR__SHA256:
				return SHA256_EDEFAULT == null ? sha256 != null : !SHA256_EDEFAULT.equals(sha256);
			case MechanistPackage.STORED_VECTOR__SOURCE_CAPTURE:
				return sourceCapture != null;
			case MechanistPackage.STORED_VECTOR__SOURCE_RESULT:
				return sourceResult != null;
			case MechanistPackage.STORED_VECTOR__PROVENANCE:
				return provenance != null;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (siteId: ");
		result.append(siteId);
		result.append(", dimension: ");
		result.append(dimension);
		result.append(", method: ");
		result.append(method);
		result.append(", norm: ");
		result.append(norm);
		result.append(", file: ");
		result.append(file);
		result.append(", tensorName: ");
		result.append(tensorName);
		result.append(", sha256: ");
		result.append(sha256);
		result.append(')');
		return result.toString();
	}

} //StoredVectorImpl
